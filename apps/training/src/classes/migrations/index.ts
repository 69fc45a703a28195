import { CreateClasses1766000000200 } from './1766000000200-create-classes';

export const classesMigrations: Function[] = [CreateClasses1766000000200];
