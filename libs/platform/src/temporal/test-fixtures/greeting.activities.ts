/** The activity interface of the test workflow (implemented by a Nest provider in the spec). */
export interface GreetingActivities {
  greet(name: string): Promise<string>;
  refuse(): Promise<void>;
}
