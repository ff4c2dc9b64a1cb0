// While an edit breaks a card, the gallery's phones keep showing that card as it last was
// good. One memory per skin (skins differ in which deep links they accept): the last
// version of each card the skin accepted, by id, and by place for a card whose id is the
// thing being edited.

export class LastGood {
  constructor() {
    /** @type {Map<string, unknown>} */
    this.byId = new Map();
    /** @type {Map<number, unknown>} */
    this.byIndex = new Map();
  }

  /** Another feed altogether: nothing of the old one may stand in. */
  clear() {
    this.byId.clear();
    this.byIndex.clear();
  }

  /**
   * The cards to show for `cards`, of which those at `refused` were refused: an accepted card
   * is remembered and shown; a refused one is replaced by its last good version when there is
   * one: by id, or (when its id is empty or missing, as while it is retyped) the card last good
   * at its place if that one is not elsewhere in the text. A card whose id another card of this
   * text also has gets no stand-in (the duplicate is what is wrong). Returns the cards and the
   * positions that show a last good version.
   * @param {any[]} cards @param {Set<number>} refused
   */
  apply(cards, refused) {
    const count = new Map();
    for (const c of cards) if (typeof c?.id === 'string') count.set(c.id, (count.get(c.id) ?? 0) + 1);
    /** @type {Set<number>} */
    const standIns = new Set();
    const shown = cards.map((card, i) => {
      const named = typeof card?.id === 'string' && card.id.trim() !== '';
      if (!refused.has(i)) {
        this.byIndex.set(i, card);
        if (named) this.byId.set(card.id, card);
        return card;
      }
      // By place only for a card being renamed: the card last good there is not elsewhere now.
      const atPlace = /** @type {any} */ (this.byIndex.get(i));
      const renamed = atPlace !== undefined && !count.has(atPlace?.id);
      const last = !named ? (renamed ? atPlace : undefined) : count.get(card.id) === 1 ? this.byId.get(card.id) : undefined;
      if (last === undefined) return card;
      standIns.add(i);
      return last;
    });
    return { shown, standIns };
  }
}
