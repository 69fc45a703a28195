import { CreateReserveCadres1766000000500 } from './1766000000500-create-reserve-cadres';

export const cadresMigrations: Function[] = [CreateReserveCadres1766000000500];
