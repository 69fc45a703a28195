import { CreateMentoring1766000000400 } from './1766000000400-create-mentoring';

export const mentoringMigrations: Function[] = [CreateMentoring1766000000400];
