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

/** Analytics event (contracts §4). */
export interface AnalyticsEvent {
  seq: number;
  type: 'impression' | 'dwell' | 'swipe' | 'open' | 'like' | 'share' | 'media_error';
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
