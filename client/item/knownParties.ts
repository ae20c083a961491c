/** The association's own parties, offered as chips in Vem; other names are free text. */
export const KNOWN_PARTIES = ['Styrelse', 'Kansli', 'Tjänstepersonforum', 'Medlemmar', 'Ordförande', 'Värdkommun', 'Intresserade medlemmar'];
