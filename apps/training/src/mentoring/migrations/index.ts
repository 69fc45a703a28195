import { CreateMentoring1766000000400 } from './1766000000400-create-mentoring';
import { AddMentoringReminders1766000000410 } from './1766000000410-add-mentoring-reminders';

export const mentoringMigrations: Function[] = [CreateMentoring1766000000400, AddMentoringReminders1766000000410];
