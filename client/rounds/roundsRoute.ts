/** The address of the list of rounds; a round's own page is #round=<id> (see hashRoute). */
export const ROUNDS_HASH = '#remissrundor';
