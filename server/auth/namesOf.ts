/** The names of the people with these ids (each looked up once); unknown ids get ''. */
export async function namesOf(ids: Iterable<string | null>, nameOf: (id: string) => Promise<string | null>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) if (id !== null) names.set(id, (await nameOf(id)) ?? '');
  return names;
}
