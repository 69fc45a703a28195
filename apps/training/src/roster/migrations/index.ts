import { CreateRoster1766000000100 } from './1766000000100-create-roster';

export const rosterMigrations: Function[] = [CreateRoster1766000000100];
