// The one interface the renderer's JS side talks to, whatever the page runs in (contracts §3).
// Every transport in www/host/ implements it: android-js.js (addJavascriptInterface),
// android-messages.js (addWebMessageListener) and preview.js (a normal browser tab).

/** Safe-area insets in CSS px. */
export interface SafeArea {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** What the host knows about the device and the user's settings. */
export interface DeviceInfo {
  viewport: { width: number; height: number };
  /** Device pixel ratio. */
  density: number;
  /** Insets the host knows, or null: the page's own `env(safe-area-inset-*)` then. */
  safeArea: SafeArea | null;
  /** BCP 47 tag of the system locale. */
  locale: string;
  reducedMotion: boolean;
  dataSaver: boolean;
  batterySaver: boolean;
  /** The system font scale (1 = default), when the host knows it. */
  fontScale?: number;
  /** The system's dark or light theme, when the host knows it; else the page's media query. */
  colorScheme?: 'dark' | 'light' | null;
}

/** An analytics event, in the analytics pipeline's own (snake_case) format. */
export interface AnalyticsEvent {
  seq: number;
  type: 'impression' | 'dwell' | 'swipe' | 'open' | 'like' | 'share' | 'media_error' | 'dropped';
  card_id: string;
  /** Milliseconds since the epoch. */
  at: number;
  [extra: string]: unknown;
}

/** The host's acknowledgement of a batch: the `seq` numbers it has stored. */
export interface TrackAck {
  acked: number[];
}

/** A native method that was missing, threw or answered garbage; reported once per method. */
export interface HostProblem {
  method: string;
  message: string;
}

/** Something the host did on the renderer's behalf, for the preview page's log. */
export interface HostAction {
  action: string;
  detail: string;
  at: number;
}

export type Unsubscribe = () => void;

export type Transport = 'android-js-interface' | 'android-web-messages' | 'browser-preview';

export interface Host {
  readonly transport: Transport;
  deviceInfo(): Promise<DeviceInfo>;
  /** The current feed as Feed v1 JSON text. */
  feed(): Promise<string>;
  /** Later feeds pushed by the host. */
  onFeed(listener: (json: string) => void): Unsubscribe;
  /** Screen turned on (true) or off (false). */
  onScreen(listener: (on: boolean) => void): Unsubscribe;
  /** Device info and settings the host pushes when they change (the preview never does). */
  onDeviceInfo(listener: (info: DeviceInfo) => void): Unsubscribe;
  /** Asks the keyguard to unlock; resolves true once unlocked. */
  requestUnlock(): Promise<boolean>;
  /** Opens a validated URL (after an unlock, when the card asked for one). */
  openUrl(url: string): Promise<void>;
  like(cardId: string): Promise<void>;
  share(cardId: string): Promise<void>;
  storageGet(key: string): Promise<string | null>;
  storageSet(key: string, value: string): Promise<void>;
  /** Delivers a batch of events; the host acknowledges the `seq` numbers it stored. */
  track(events: AnalyticsEvent[]): Promise<TrackAck>;
  /** Problems with the native side (each reported once). */
  onProblem(listener: (problem: HostProblem) => void): Unsubscribe;
}

/** The browser-preview transport also lets the page push feeds and watch what the host did. */
export interface PreviewHost extends Host {
  pushFeed(json: string): void;
  /** Changes settings as a phone's would change (the gallery's toggles): onDeviceInfo hears it. */
  updateDevice(change: Partial<DeviceInfo>): void;
  onAction(listener: (action: HostAction) => void): Unsubscribe;
  /** Events received through track(), in order. */
  readonly tracked: readonly AnalyticsEvent[];
}

/** The parts of `window` every transport may read; tests pass a fake. */
export interface BrowserEnv {
  location: { href: string };
  localStorage?: Pick<Storage, 'getItem' | 'setItem'>;
  matchMedia?(query: string): { matches: boolean };
  navigator?: { language?: string; connection?: { saveData?: boolean } };
  innerWidth?: number;
  innerHeight?: number;
  devicePixelRatio?: number;
  document?: { visibilityState: string; addEventListener(type: string, listener: () => void): void; removeEventListener(type: string, listener: () => void): void };
  console?: Pick<Console, 'info' | 'warn'>;
}

/** What the preview transport reads besides: `fetch` for the feed. */
export interface PreviewEnv extends BrowserEnv {
  fetch(input: string | URL): Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
}

/** What the Android transports read and write besides: the injected objects and the reply global. */
export interface NativeEnv extends BrowserEnv {
  /** The object injected with addJavascriptInterface. */
  GlanceAndroid?: unknown;
  /** The global the native side calls with replies and pushes (set by the JS-interface transport). */
  glanceHostReceive?: (json: string) => void;
  /** The object injected with addWebMessageListener. */
  glanceNative?: unknown;
  [name: string]: unknown;
}

// What the renderer hands to JS. Every name in these objects is camelCase, the `type` and
// `code` values included (contracts §1); analytics events keep the field names of contracts §4.

/** A card the feed check refused, in input order. */
export interface Rejection {
  index: number;
  id?: string;
  /** The feed field at fault, as the feed spells it (`cta.url`, `starts_at`). */
  field: string;
  reason: string;
}

/** What `setFeed` (and `validateFeed`) did with a feed whose JSON and version were acceptable. */
export interface FeedReport {
  /** The feed has cards live now and they are shown. False: the cards on screen stay. */
  applied: boolean;
  /** Cards shown now. */
  shown: number;
  /** Valid cards outside their `[starts_at, expires_at)` window now. */
  outOfWindow: number;
  /** Cards that start later: a feed that is not applied but has some waits for its first start. */
  waiting: number;
  /** When the first waiting card starts (ms since the epoch), or null. */
  firstStartsAt: number | null;
  rejections: Rejection[];
}

/** What the renderer tells its host, in the order it happened. */
export type Notice =
  | { type: 'cardChange'; index: number; cardId: string; count: number }
  | { type: 'open'; cardId: string; url: string; unlock: boolean }
  | { type: 'like'; cardId: string }
  | { type: 'share'; cardId: string }
  /** A batch for `track()`: reply with `tracked(batch, acked)` or `trackFailed(batch)`. */
  | { type: 'track'; batch: number; events: string }
  | { type: 'store'; key: string; value: string }
  | { type: 'mediaError'; cardId: string; src: string }
  /** Every card on screen has expired: show the wallpaper or fetch a feed. */
  | { type: 'expired'; nextStartsAt: number | null };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type WarningCode =
  | 'headlineEllipsised' | 'summaryShortened' | 'summaryDropped' | 'sourceDropped'
  | 'scoreDropped' | 'ctaDropped' | 'actionsDropped' | 'textZoneTooSmall' | 'focusCovered'
  | 'mediaSizeUnknown' | 'scrimNeeded';

/** `layoutOf(index)`: a card as laid out on this device and skin. */
export interface CardLayout {
  cardId: string;
  card: Rect;
  reserved: Rect[];
  textZone: Rect;
  blocks: {
    kind: 'source' | 'disclosure' | 'score' | 'title' | 'summary' | 'cta' | 'actions';
    rect: Rect;
    fontSize: number;
    lineHeight: number;
    lines: string[];
  }[];
  media: { x: number; y: number } | null;
  scrim: number;
  warnings: ({ code: WarningCode; alpha?: number })[];
  direction: 'ltr' | 'rtl';
  fontFamily: string;
}
