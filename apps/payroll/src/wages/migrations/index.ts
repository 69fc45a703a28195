import { CreateCityAverageWages1766000000100 } from './1766000000100-create-city-average-wages';

export const wagesMigrations: Function[] = [CreateCityAverageWages1766000000100];
