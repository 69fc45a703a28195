import { CreateReserveEntries1766000000440 } from './1766000000440-create-reserve-entries';

export const reserveMigrations = [CreateReserveEntries1766000000440];
