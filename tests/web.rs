//! Browser tests: the real Wasm module in headless Chromium (wasm-bindgen-test), checking what
//! a viewer or an automation script sees in the DOM.
#![cfg(target_arch = "wasm32")]

use glance_renderer::Renderer;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    Element, HtmlElement, KeyboardEvent, KeyboardEventInit, PointerEvent, PointerEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../www/feeds/sample.json");
const CSS: &str = include_str!("../www/glance.css");

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A fresh 412 × 915 px host element with the renderer's stylesheet.
fn host_element() -> HtmlElement {
    let doc = document();
    if doc.get_element_by_id("glance-test-css").is_none() {
        let style = doc.create_element("style").expect("style");
        style.set_id("glance-test-css");
        style.set_text_content(Some(CSS));
        doc.head()
            .expect("head")
            .append_child(&style)
            .expect("append");
    }
    let root: HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    root.set_attribute(
        "style",
        "position:relative;width:412px;height:915px;overflow:hidden",
    )
    .expect("style");
    doc.body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

fn cards(root: &Element) -> Vec<Element> {
    let list = root.query_selector_all("[data-card-id]").expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn ids(root: &Element) -> Vec<String> {
    cards(root)
        .iter()
        .filter_map(|c| c.get_attribute("data-card-id"))
        .collect()
}

fn card(root: &Element, id: &str) -> HtmlElement {
    root.query_selector(&format!("[data-card-id=\"{id}\"]"))
        .expect("query")
        .unwrap_or_else(|| panic!("card {id} is in the DOM"))
        .unchecked_into()
}

fn in_view(el: &HtmlElement) -> bool {
    !el.inert() && el.get_attribute("aria-hidden").is_none()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("timer");
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).expect("property")
}

/// Dispatches a touch pointer event at `x` px from the host element's left edge, mid-height.
/// Every key of `value`, nested ones included (arrays walked through), into `names`.
fn walk(value: &JsValue, names: &mut Vec<String>) {
    if js_sys::Array::is_array(value) {
        for item in js_sys::Array::from(value).iter() {
            walk(&item, names);
        }
    } else if value.is_object() {
        let object: &js_sys::Object = value.unchecked_ref();
        for key in js_sys::Object::keys(object).iter() {
            let key = key.as_string().expect("a key");
            walk(&get(value, &key), names);
            names.push(key);
        }
    }
}

fn pointer(viewport: &HtmlElement, root: &HtmlElement, id: i32, kind: &str, x: f64) {
    let origin = root.get_bounding_client_rect();
    let init = PointerEventInit::new();
    init.set_pointer_id(id);
    init.set_pointer_type("touch");
    init.set_is_primary(true);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_client_x((origin.left() + x) as i32);
    init.set_client_y((origin.top() + 450.0) as i32);
    let event = PointerEvent::new_with_event_init_dict(kind, &init).expect("event");
    viewport.dispatch_event(&event).expect("dispatch");
}

fn viewport_of(root: &HtmlElement) -> HtmlElement {
    root.query_selector(".glance-viewport")
        .expect("q")
        .expect("viewport")
        .unchecked_into()
}

fn feed_of(n: usize) -> String {
    let cards: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"c{i}","kind":"news","lang":"en","title":"Card {i}","source":{{"name":"Desk"}}}}"#))
        .collect();
    format!(r#"{{"version":1,"cards":[{}]}}"#, cards.join(","))
}

#[wasm_bindgen_test]
fn first_card_is_in_view_and_the_rest_are_inert() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    let report = r.set_feed(SAMPLE).expect("sample feed is valid");
    assert_eq!(get(&report, "shown").as_f64(), Some(14.0));
    assert_eq!(
        get(&report, "outOfWindow").as_f64(),
        Some(1.0),
        "the expired sale is hidden"
    );
    assert_eq!(ids(&root), ["ipl-2026-final-live", "monsoon-mumbai-en"]);
    let first = card(&root, "ipl-2026-final-live");
    assert!(in_view(&first));
    assert_eq!(first.get_attribute("lang").as_deref(), Some("hi"));
    let title = first
        .query_selector(".glance-title")
        .expect("q")
        .expect("a title");
    assert_eq!(
        title.text_content().as_deref(),
        Some("फाइनल: मुंबई को जीत के लिए 12 गेंदों में 18 रन चाहिए")
    );
    let next = card(&root, "monsoon-mumbai-en");
    assert!(next.inert());
    assert_eq!(next.get_attribute("aria-hidden").as_deref(), Some("true"));
    let rect = first.get_bounding_client_rect();
    assert_eq!(
        (rect.width(), rect.height()),
        (412.0, 915.0),
        "the card fills the host element"
    );
    assert_eq!(
        next.get_bounding_client_rect().left() - rect.left(),
        412.0,
        "the next card waits beside it"
    );
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
async fn templates_render_every_kind() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(SAMPLE).expect("valid");
    let expectations = [
        (
            "ipl-2026-final-live",
            ".glance-score .glance-badge--live",
            "लाइव",
        ),
        (
            "monsoon-mumbai-en",
            ".glance-source__name",
            "City Weather Desk",
        ),
        (
            "trailer-ta-video",
            ".glance-title",
            "புதிய திரைப்படத்தின் முன்னோட்டம் இன்று வெளியானது",
        ),
        (
            "tokokita-sale-id",
            ".glance-disclosure .glance-badge",
            "Bersponsor",
        ),
        ("karachi-rain-ur", ".glance-source__name", "خبر نامہ"),
    ];
    for (index, (id, selector, text)) in expectations.iter().enumerate() {
        r.go_to(index);
        sleep(700).await;
        let article = card(&root, id);
        assert!(in_view(&article), "{id} in view");
        let el = article
            .query_selector(selector)
            .expect("q")
            .unwrap_or_else(|| panic!("{id} has {selector}"));
        assert_eq!(el.text_content().as_deref(), Some(*text), "{id} {selector}");
        if *id == "trailer-ta-video" {
            let video = article
                .query_selector("video[muted][playsinline]")
                .expect("q");
            assert!(video.is_some(), "clips are muted and inline");
        }
    }
    assert_eq!(
        card(&root, "karachi-rain-ur")
            .get_attribute("dir")
            .as_deref(),
        Some("rtl")
    );
    drop(r);
    root.remove();
}

/// The blocks of card `index` as the layout computed them: (kind, x, y, width, height).
fn computed_blocks(r: &Renderer, index: usize) -> Vec<(String, f64, f64, f64, f64)> {
    let layout = r.layout_of(index).expect("laid out");
    let blocks: js_sys::Array = get(&layout, "blocks").unchecked_into();
    blocks
        .iter()
        .map(|b| {
            let rect = get(&b, "rect");
            let n = |k: &str| get(&rect, k).as_f64().expect("number");
            (
                get(&b, "kind").as_string().expect("kind"),
                n("x"),
                n("y"),
                n("width"),
                n("height"),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn dom_boxes_match_the_computed_layout() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(SAMPLE).expect("valid");
    for scale in [1.0, 2.0] {
        r.set_font_scale(scale);
        let article = card(&root, "ipl-2026-final-live");
        let origin = article.get_bounding_client_rect();
        let blocks = computed_blocks(&r, 0);
        let kinds: Vec<_> = blocks.iter().map(|b| b.0.as_str()).collect();
        if scale == 1.0 {
            assert_eq!(
                kinds,
                ["source", "score", "title", "summary", "cta", "actions"]
            );
        }
        for (kind, x, y, w, h) in &blocks {
            let el = article
                .query_selector(&format!("[data-block=\"{kind}\"]"))
                .expect("q")
                .unwrap_or_else(|| panic!("{kind} block in the DOM"));
            let b = el.get_bounding_client_rect();
            let got = (
                b.left() - origin.left(),
                b.top() - origin.top(),
                b.width(),
                b.height(),
            );
            for (name, want, got) in [
                ("x", *x, got.0),
                ("y", *y, got.1),
                ("width", *w, got.2),
                ("height", *h, got.3),
            ] {
                assert!(
                    (want - got).abs() <= 1.0,
                    "×{scale} {kind}.{name}: layout {want}, DOM {got}"
                );
            }
        }
        // The headline's lines are the computed ones, each on its own line box.
        let title_lines = article
            .query_selector_all(".glance-title .glance-line")
            .expect("q")
            .length();
        let layout = r.layout_of(0).expect("laid out");
        let blocks: js_sys::Array = get(&layout, "blocks").unchecked_into();
        let title = blocks
            .iter()
            .find(|b| get(b, "kind").as_string().as_deref() == Some("title"))
            .expect("title");
        let lines: js_sys::Array = get(&title, "lines").unchecked_into();
        assert_eq!(title_lines, lines.length());
    }
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
fn host_safe_area_moves_the_text() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(SAMPLE).expect("valid");
    let cta_bottom = |r: &Renderer| {
        let blocks = computed_blocks(r, 0);
        let cta = blocks.iter().find(|b| b.0 == "cta").expect("cta");
        cta.2 + cta.4
    };
    let before = cta_bottom(&r);
    let insets = js_sys::Object::new();
    js_sys::Reflect::set(&insets, &"bottom".into(), &JsValue::from_f64(160.0)).expect("set");
    r.set_safe_area(insets.into()).expect("valid insets");
    let after = cta_bottom(&r);
    assert!(
        after <= 915.0 - 160.0 && after < before,
        "text moved above the host's inset: {before} → {after}"
    );
    let el = card(&root, "ipl-2026-final-live")
        .query_selector("[data-block=cta]")
        .expect("q")
        .expect("cta");
    let origin = root.get_bounding_client_rect();
    assert!(
        (el.get_bounding_client_rect().bottom() - origin.top() - after).abs() <= 1.0,
        "and the DOM followed"
    );
    assert!(r.set_safe_area(JsValue::from_str("lots")).is_err());
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
fn text_is_never_html() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    let title = "<img src=x onerror=\"window.__pwned=1\"><b>Bold?</b>";
    let feed = format!(
        r#"{{"version":1,"cards":[{{"id":"x","kind":"news","lang":"en","title":{},"source":{{"name":"<script>window.__pwned=2</script>"}}}}]}}"#,
        serde_json::to_string(title).expect("json")
    );
    r.set_feed(&feed).expect("valid");
    let article = card(&root, "x");
    assert!(
        article
            .query_selector("img, b, script")
            .expect("q")
            .is_none(),
        "no element came from the text"
    );
    let shown = article
        .query_selector(".glance-title")
        .expect("q")
        .expect("title")
        .text_content();
    assert_eq!(shown.as_deref(), Some(title));
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
fn a_refused_feed_keeps_the_screen() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(SAMPLE).expect("valid");
    let before = ids(&root);
    for bad in [
        r#"{"version":1,"cards":[{"id""#,
        r#"{"version":2,"cards":[]}"#,
        r#"{"version":1,"cards":[]}"#,
    ] {
        assert!(r.set_feed(bad).is_err(), "{bad} is refused");
        assert_eq!(ids(&root), before, "screen unchanged after {bad}");
    }
    let all_bad = r#"{"version":1,"cards":[{"id":"a","kind":"podcast","lang":"en","title":"t"}]}"#;
    let report = r.set_feed(all_bad).expect("the feed is readable");
    assert_eq!(get(&report, "applied").as_bool(), Some(false));
    let rejections: js_sys::Array = get(&report, "rejections").unchecked_into();
    assert_eq!(rejections.length(), 1);
    assert_eq!(
        get(&rejections.get(0), "field").as_string().as_deref(),
        Some("kind")
    );
    assert_eq!(
        ids(&root),
        before,
        "nothing valid: the screen keeps its cards"
    );
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
async fn keys_swipes_and_taps_navigate() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(&feed_of(6)).expect("valid");
    let viewport = viewport_of(&root);

    let init = KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_cancelable(true);
    init.set_bubbles(true);
    let key = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    viewport.dispatch_event(&key).expect("dispatch");
    assert!(key.default_prevented(), "the arrow key is the renderer's");
    sleep(700).await;
    assert_eq!(r.index(), 1);
    assert!(in_view(&card(&root, "c1")));
    assert_eq!(ids(&root), ["c0", "c1", "c2"]);

    let pointer = |kind: &str, x: f64| pointer(&viewport, &root, 7, kind, x);
    // A drag toward the left past a third of the card: the next card.
    pointer("pointerdown", 350.0);
    for x in [330.0, 290.0, 250.0, 200.0, 150.0] {
        pointer("pointermove", x);
    }
    pointer("pointerup", 150.0);
    sleep(700).await;
    assert_eq!(r.index(), 2);
    assert!(in_view(&card(&root, "c2")));

    // A tap in the left quarter goes back; anywhere else right of it goes forward.
    pointer("pointerdown", 70.0);
    pointer("pointerup", 70.0);
    sleep(700).await;
    assert_eq!(r.index(), 1);
    pointer("pointerdown", 250.0);
    pointer("pointerup", 250.0);
    sleep(700).await;
    assert_eq!(r.index(), 2);
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_moving_card_can_be_caught_and_retargeted() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(&feed_of(6)).expect("valid");
    // Two presses in quick succession: the second retargets the settle already under way.
    assert!(r.next());
    sleep(60).await;
    let moving = card(&root, "c1").get_bounding_client_rect().left()
        - root.get_bounding_client_rect().left();
    assert!(
        moving > 0.0 && moving < 412.0,
        "card 1 is on its way in ({moving} px)"
    );
    assert!(r.next());
    sleep(900).await;
    assert_eq!(r.index(), 2);
    assert!(in_view(&card(&root, "c2")));
    let rect = card(&root, "c2").get_bounding_client_rect();
    assert_eq!(
        rect.left(),
        root.get_bounding_client_rect().left(),
        "landed exactly"
    );

    // A finger that touches a moving card holds it where it is; lifting it lets it settle.
    let viewport = viewport_of(&root);
    let origin = root.get_bounding_client_rect();
    let pointer = |kind: &str, x: f64| pointer(&viewport, &root, 3, kind, x);
    assert!(r.next());
    sleep(150).await;
    pointer("pointerdown", 200.0);
    let held = card(&root, "c3").get_bounding_client_rect().left() - origin.left();
    sleep(200).await;
    let still = card(&root, "c3").get_bounding_client_rect().left() - origin.left();
    assert!(held > 0.0 && held < 412.0, "caught mid-flight ({held} px)");
    assert!(
        (still - held).abs() < 1.0,
        "held under the finger: {held} → {still}"
    );
    pointer("pointerup", 200.0);
    sleep(900).await;
    assert_eq!(
        r.index(),
        3,
        "the press only held the card; released, it settles on the nearest"
    );
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
async fn only_a_small_window_is_in_the_dom_whatever_the_feed_size() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(&feed_of(10_000)).expect("valid");
    assert_eq!(r.count(), 10_000);
    assert_eq!(cards(&root).len(), 2);
    r.go_to(1);
    sleep(700).await;
    for _ in 0..5 {
        r.next();
        sleep(500).await;
    }
    assert_eq!(r.index(), 6);
    // The window is tidied in an idle moment after the settle: give a busy machine time.
    for _ in 0..40 {
        if ids(&root) == ["c5", "c6", "c7"] {
            break;
        }
        sleep(50).await;
    }
    assert_eq!(ids(&root), ["c5", "c6", "c7"]);
    let in_view_count = cards(&root)
        .into_iter()
        .filter(|c| in_view(c.unchecked_ref()))
        .count();
    assert_eq!(in_view_count, 1, "exactly one card is in view");
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_new_feed_keeps_the_card_in_view() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(&feed_of(5)).expect("valid");
    r.go_to(3);
    sleep(800).await;
    assert_eq!(r.current_id().as_deref(), Some("c3"));
    // The same cards with one removed before it: c3 stays in view, now at index 2.
    let feed = feed_of(5).replace(
        r#"{"id":"c0","kind":"news","lang":"en","title":"Card 0","source":{"name":"Desk"}},"#,
        "",
    );
    r.set_feed(&feed).expect("valid");
    assert_eq!(r.current_id().as_deref(), Some("c3"));
    assert_eq!(r.index(), 2);
    assert!(in_view(&card(&root, "c3")));
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_restarted_renderer_opens_on_the_card_it_was_given() {
    let root = host_element();
    let r =
        Renderer::new(root.clone(), options(&[("resumeAt", "c3".into())]), None).expect("mounts");
    assert!(r.alive());
    r.set_feed(&feed_of(5)).expect("valid");
    // At rest on c3 at once: nothing to animate on a screen that was showing it.
    assert_eq!(r.current_id().as_deref(), Some("c3"));
    assert!(in_view(&card(&root, "c3")));
    assert!(r.alive());
    // Only the first feed: a later one keeps the card in view, as always.
    r.go_to(1);
    sleep(800).await;
    r.set_feed(&feed_of(5)).expect("valid");
    assert_eq!(r.current_id().as_deref(), Some("c1"));
    drop(r);
    // A card the first feed does not have: its first card.
    let r =
        Renderer::new(root.clone(), options(&[("resumeAt", "gone".into())]), None).expect("mounts");
    r.set_feed(&feed_of(5)).expect("valid");
    assert_eq!(r.current_id().as_deref(), Some("c0"));
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_hosts_screen_size_stands_in_while_the_page_has_none() {
    let root = host_element();
    // A warm WebView that is not attached to a window yet: the element has no size.
    root.style().set_property("width", "0").expect("style");
    root.style().set_property("height", "0").expect("style");
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_viewport(options(&[("width", 360.into()), ("height", 640.into())]))
        .expect("a size");
    r.set_feed(&feed_of(3)).expect("valid");
    let card_width = |r: &Renderer| {
        let layout = r.layout_of(0).expect("laid out");
        get(&get(&layout, "card"), "width").as_f64()
    };
    assert_eq!(card_width(&r), Some(360.0));
    // Attached: the element's own size wins.
    root.style().set_property("width", "412px").expect("style");
    root.style().set_property("height", "915px").expect("style");
    next_frame().await;
    next_frame().await;
    assert_eq!(card_width(&r), Some(412.0));
    assert!(r
        .set_viewport(options(&[("width", 0.into()), ("height", 640.into())]))
        .is_err());
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
async fn screen_readers_hear_a_card_once_reach_every_control_and_keep_focus() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(&feed_of(4)).expect("valid");
    let viewport = viewport_of(&root);
    let find = |selector: &str| -> HtmlElement {
        root.query_selector(selector)
            .expect("q")
            .unwrap_or_else(|| panic!("{selector}"))
            .unchecked_into()
    };
    let live = find(".glance-live");
    let said = || live.text_content().unwrap_or_default();
    assert_eq!(said(), "", "the first card is not announced over the page");
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(
        viewport.get_attribute("aria-label").as_deref(),
        Some("Lock screen")
    );
    assert_eq!(
        card(&root, "c0")
            .get_attribute("aria-roledescription")
            .as_deref(),
        Some("card")
    );

    // The next control moves, and the card is announced once, with its position.
    find("[data-control=next]").click();
    sleep(700).await;
    assert_eq!(r.index(), 1);
    assert_eq!(said(), "2 of 4: Card 1");
    // Focus on a button of the card in view follows the swipe to the next card.
    let like: HtmlElement = card(&root, "c1")
        .query_selector("[data-action=like]")
        .expect("q")
        .expect("like")
        .unchecked_into();
    like.focus().expect("focus");
    let init = KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_cancelable(true);
    init.set_bubbles(true);
    let key = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    like.dispatch_event(&key).expect("dispatch");
    sleep(700).await;
    assert_eq!(said(), "3 of 4: Card 2");
    let active = document().active_element().expect("focus");
    assert_eq!(
        active.get_attribute("data-card-id").as_deref(),
        Some("c2"),
        "focus is on the card in view, not left on an inert one"
    );

    // Pause: pressed, and the previous control still works.
    let pause = find("[data-control=pause]");
    pause.click();
    assert_eq!(pause.get_attribute("aria-pressed").as_deref(), Some("true"));
    find("[data-control=previous]").click();
    sleep(700).await;
    assert_eq!(r.index(), 1);

    // The device's language labels the region and the controls.
    r.set_locale("hi-IN").expect("a tag");
    assert_eq!(
        viewport.get_attribute("aria-label").as_deref(),
        Some("लॉक स्क्रीन")
    );
    assert_eq!(
        find("[data-control=next]")
            .get_attribute("aria-label")
            .as_deref(),
        Some("अगला कार्ड")
    );
    drop(r);
    root.remove();
}

/// After a live skin switch and after a feed that reorders the cards, the card in view stays
/// unannounced (it did not change), and the viewer's next swipe is announced again.
#[wasm_bindgen_test]
async fn the_swipe_after_a_skin_switch_or_a_reorder_is_announced() {
    let root = host_element();
    let mut r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_auto_advance(false);
    r.set_feed(&feed_of(5)).expect("valid");
    let find = |selector: &str| -> HtmlElement {
        root.query_selector(selector)
            .expect("q")
            .unwrap_or_else(|| panic!("{selector}"))
            .unchecked_into()
    };
    let live = find(".glance-live");
    let said = || live.text_content().unwrap_or_default();
    find("[data-control=next]").click();
    sleep(700).await;
    assert_eq!(said(), "2 of 5: Card 1");

    r.set_skin("samsung-oneui").expect("a built-in");
    assert_eq!(r.current_id().as_deref(), Some("c1"));
    find("[data-control=next]").click();
    sleep(700).await;
    assert_eq!(said(), "3 of 5: Card 2", "the swipe after the switch");

    // The same cards in reverse order: c2 stays in view (now third of c4, c3, c2, c1, c0).
    let reversed: Vec<String> = (0..5)
        .rev()
        .map(|i| format!(r#"{{"id":"c{i}","kind":"news","lang":"en","title":"Card {i}","source":{{"name":"Desk"}}}}"#))
        .collect();
    r.set_feed(&format!(
        r#"{{"version":1,"cards":[{}]}}"#,
        reversed.join(",")
    ))
    .expect("valid");
    assert_eq!(r.current_id().as_deref(), Some("c2"));
    find("[data-control=next]").click();
    sleep(700).await;
    assert_eq!(r.current_id().as_deref(), Some("c1"));
    assert_eq!(said(), "4 of 5: Card 1", "the swipe after the reorder");
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
fn with_reduced_motion_cards_arrive_at_once() {
    let root = host_element();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"reducedMotion".into(), &JsValue::TRUE).expect("set");
    let r = Renderer::new(root.clone(), options.into(), None).expect("mounts");
    r.set_feed(&feed_of(4)).expect("valid");
    assert!(r.next());
    // No animation: the card is in place and in view before any frame runs.
    let c1 = card(&root, "c1");
    assert!(in_view(&c1));
    assert_eq!(
        c1.get_bounding_client_rect().left(),
        root.get_bounding_client_rect().left()
    );
    // The host turns it off: the next move animates again.
    r.set_reduced_motion(false);
    assert!(r.next());
    let c2 = card(&root, "c2");
    assert!(!in_view(&c2), "still on its way");
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
fn dropping_the_renderer_leaves_nothing_behind() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(SAMPLE).expect("valid");
    assert!(root.child_element_count() > 0);
    r.next();
    drop(r);
    assert_eq!(root.child_element_count(), 0, "viewport removed");
    assert_eq!(
        root.style()
            .get_property_value("--glance-accent")
            .ok()
            .as_deref(),
        Some("")
    );
    root.remove();
}

#[wasm_bindgen_test]
fn skins_switch_live_and_recheck_the_feed() {
    let root = host_element();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"skin".into(), &"samsung-oneui".into()).expect("set");
    let mut r = Renderer::new(root.clone(), options.into(), None).expect("mounts");
    let store_link = r#"{"id":"store","kind":"news","lang":"en","title":"Get the app","source":{"name":"Desk"},"cta":{"label":"Open","url":"samsungapps://detail/x"}}"#;
    let feed = feed_of(3).replace("[{", &format!("[{store_link},{{"));
    let report = r.set_feed(&feed).expect("valid");
    assert_eq!(
        get(&report, "shown").as_f64(),
        Some(4.0),
        "the Galaxy Store link is allowed on One UI"
    );
    r.go_to(1);
    let accent = |root: &HtmlElement| {
        root.style()
            .get_property_value("--glance-accent")
            .expect("style")
    };
    assert_eq!(accent(&root), "#3e91ff");

    let report = r.set_skin("xiaomi-hyperos").expect("built-in");
    assert_eq!(accent(&root), "#ff6900");
    assert_eq!(
        root.style()
            .get_property_value("--glance-reserved-bottom")
            .expect("style"),
        "96px"
    );
    let rejections: js_sys::Array = get(&report, "rejections").unchecked_into();
    assert_eq!(
        rejections.length(),
        1,
        "the store link is not on HyperOS's allow-list"
    );
    assert_eq!(
        get(&rejections.get(0), "field").as_string().as_deref(),
        Some("cta.url")
    );
    assert_eq!(r.count(), 3);
    assert_eq!(
        r.current_id().as_deref(),
        Some("c0"),
        "the card in view stays in view"
    );
    assert!(in_view(&card(&root, "c0")));

    let bad = r.set_skin_profile(r#"{"name":"x"}"#).expect_err("refused");
    let message = js_sys::Reflect::get(&JsValue::from(bad), &"message".into()).expect("message");
    assert!(
        message
            .as_string()
            .unwrap_or_default()
            .contains("\"accent\""),
        "{message:?}"
    );
    assert_eq!(accent(&root), "#ff6900", "a refused profile keeps the skin");
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
fn a_bad_skin_is_a_clear_error() {
    let root = host_element();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"skin".into(), &"nokia-s40".into()).expect("set");
    let err = Renderer::new(root.clone(), options.into(), None)
        .err()
        .expect("refused");
    let message = js_sys::Reflect::get(&JsValue::from(err), &"message".into()).expect("message");
    assert_eq!(
        message.as_string().as_deref(),
        Some("there is no built-in skin named \"nokia-s40\"; built-ins: generic, samsung-oneui, xiaomi-hyperos, vivo-originos, oppo-coloros")
    );
    root.remove();
}

/// Resolves at the next animation frame (through the page's own `requestAnimationFrame`).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .request_animation_frame(&resolve)
            .expect("rAF");
    });
    JsFuture::from(promise).await.expect("frame");
}

/// Position of `el`'s box along x, px from the host element's left edge.
fn left_of(el: &Element, root: &HtmlElement) -> f64 {
    el.get_bounding_client_rect().left() - root.get_bounding_client_rect().left()
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &(*k).into(), v).expect("set");
    }
    o.into()
}

fn computed(el: &Element, property: &str) -> String {
    web_sys::window()
        .expect("window")
        .get_computed_style(el)
        .expect("style")
        .expect("a style")
        .get_property_value(property)
        .expect("value")
}

#[wasm_bindgen_test]
async fn a_drag_follows_the_finger_within_a_pixel_every_frame() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(SAMPLE).expect("valid");
    let viewport = viewport_of(&root);
    let first = card(&root, "ipl-2026-final-live");
    let second = card(&root, "monsoon-mumbai-en");
    pointer(&viewport, &root, 7, "pointerdown", 330.0);
    next_frame().await;
    // 24 frames of a finger moving left at an uneven pace, past the slop on the second one.
    let mut x = 330.0;
    for step in 0..24 {
        x -= [4.0, 9.0, 13.0][step % 3];
        pointer(&viewport, &root, 7, "pointermove", x);
        next_frame().await;
        next_frame().await; // the frame the move was drawn in has been presented
        let finger = x - 330.0;
        if finger.abs() < 10.0 {
            assert_eq!(left_of(&first, &root), 0.0, "within the slop nothing moves");
            continue;
        }
        let drawn = left_of(&first, &root);
        assert!(
            (drawn - finger).abs() <= 1.0,
            "frame {step}: card at {drawn} px, finger at {finger} px"
        );
        let beside = left_of(&second, &root);
        assert!(
            (beside - (412.0 + finger)).abs() <= 1.0,
            "frame {step}: the next card follows too ({beside} px)"
        );
    }
    pointer(&viewport, &root, 7, "pointerup", x);
    sleep(900).await;
    assert_eq!(r.index(), 1, "a drag of {} px moves one card", 330.0 - x);
    drop(r);
    root.remove();
}

/// Counts `requestAnimationFrame` and `setTimeout` calls from now on (wrapping the page's).
fn count_callbacks() -> js_sys::Function {
    js_sys::Function::new_no_args(
        "const w = window;
         if (!w.__glanceCounts) {
           const raf = w.requestAnimationFrame.bind(w), st = w.setTimeout.bind(w);
           const ric = w.requestIdleCallback.bind(w);
           w.__glanceCounts = { raf: 0, timeout: 0, idle: 0 };
           w.requestAnimationFrame = (cb) => { w.__glanceCounts.raf++; return raf(cb); };
           w.setTimeout = (cb, ms, ...a) => { w.__glanceCounts.timeout++; return st(cb, ms, ...a); };
           w.requestIdleCallback = (cb, o) => { w.__glanceCounts.idle++; return ric(cb, o); };
         }
         return Object.assign({}, w.__glanceCounts);",
    )
}

#[wasm_bindgen_test]
async fn nothing_is_scheduled_for_two_seconds_after_a_swipe_settles() {
    let counts = count_callbacks();
    let snapshot = || counts.call0(&JsValue::NULL).expect("counts");
    let start = snapshot(); // installs the counters
    let root = host_element();
    // The generic skin auto-advances after 8 s and runs Ken Burns: neither needs a frame
    // callback, and the countdown is one timer set at the settle.
    // Counts the settles (cardChange notices), so the quiet period starts after this one
    // whatever the machine's load.
    let settles = js_sys::Function::new_with_args(
        "n",
        "if (n.type === 'cardChange') window.__glanceSettles = (window.__glanceSettles || 0) + 1",
    );
    let settled = || {
        js_sys::Reflect::get(
            &web_sys::window().expect("window"),
            &"__glanceSettles".into(),
        )
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
    };
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, Some(settles)).expect("mounts");
    r.set_feed(SAMPLE).expect("valid");
    let viewport = viewport_of(&root);
    let first = settled();
    pointer(&viewport, &root, 3, "pointerdown", 330.0);
    for x in [310.0, 280.0, 240.0, 190.0, 140.0] {
        next_frame().await;
        pointer(&viewport, &root, 3, "pointermove", x);
    }
    pointer(&viewport, &root, 3, "pointerup", 140.0);
    let during = snapshot();
    for _ in 0..100 {
        if settled() > first {
            break;
        }
        sleep(50).await;
    }
    sleep(700).await; // the idle tidy-up after the settle
    assert_eq!(r.index(), 1);
    let before = snapshot();
    assert!(
        get(&during, "raf").as_f64() > get(&start, "raf").as_f64(),
        "the drag itself used frames"
    );
    sleep(2000).await;
    let after = snapshot();
    let delta =
        |key: &str| get(&after, key).as_f64().expect("n") - get(&before, key).as_f64().expect("n");
    assert_eq!(delta("raf"), 0.0, "no frame callback while still");
    assert_eq!(delta("idle"), 0.0, "no idle callback while still");
    assert_eq!(delta("timeout"), 1.0, "no timer but this test's own sleep");
    drop(r);
    root.remove();
}

/// Every element of a card's text layer with its opacity as the stylesheet designs it (its own
/// times its ancestors' inside the text layer) and as drawn (times the text layer's and the
/// card's too).
fn text_opacities(article: &Element) -> Vec<(String, f64, f64)> {
    let opacity = |e: &Element| computed(e, "opacity").parse::<f64>().unwrap_or(1.0);
    let body = article
        .query_selector(".glance-body")
        .expect("q")
        .expect("a text layer");
    let list = body.query_selector_all("*").expect("query");
    // An icon's `className` is no string (SVG): the attribute is.
    let class = |e: &Element| e.get_attribute("class").unwrap_or_default();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .map(|el| {
            let mut designed = 1.0;
            let mut at = Some(el.clone());
            while let Some(e) = at.filter(|e| !e.is_same_node(Some(&body))) {
                designed *= opacity(&e);
                assert_ne!(computed(&e, "visibility"), "hidden", "{}", class(&e));
                at = e.parent_element();
            }
            let drawn = designed * opacity(&body) * opacity(article);
            (class(&el), designed, drawn)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn reduced_motion_shows_every_text_element_in_its_final_state() {
    let root = host_element();
    for skin in ["generic", "xiaomi-hyperos", "oppo-coloros", "vivo-originos"] {
        let r = Renderer::new(
            root.clone(),
            options(&[("skin", skin.into()), ("reducedMotion", JsValue::TRUE)]),
            None,
        )
        .expect("mounts");
        r.set_feed(SAMPLE).expect("valid");
        let count = r.count();
        for index in 0..count {
            if index > 0 {
                assert!(r.next(), "{skin}: move to card {index}");
            }
            let id = r.current_id().expect("a card");
            let article = card(&root, &id);
            assert!(in_view(&article), "{skin}: {id} is in view at once");
            // Even while the card fades in over the last one, its text layer is complete.
            for (class, designed, _) in text_opacities(&article) {
                assert!(designed > 0.5, "{skin}: {id} {class} is shown");
            }
            assert_eq!(
                computed(
                    &article
                        .query_selector(".glance-body")
                        .expect("q")
                        .expect("body"),
                    "opacity"
                ),
                "1"
            );
            // Jump to the end of the 200 ms cross-fade.
            finish_animations();
            assert_eq!(
                computed(&article, "opacity"),
                "1",
                "{skin}: {id} fully shown"
            );
            assert_eq!(left_of(&article, &root), 0.0, "{skin}: {id} in place");
            for (class, designed, drawn) in text_opacities(&article) {
                assert_eq!(drawn, designed, "{skin}: {id} {class} at its final opacity");
            }
            let body = article
                .query_selector(".glance-body")
                .expect("q")
                .expect("body");
            assert_eq!(
                computed(&body, "transform"),
                "none",
                "{skin}: {id} text unmoved"
            );
            let media = article.query_selector(".glance-media").expect("q");
            if let Some(media) = media {
                assert_eq!(computed(&media, "transform"), "none", "{skin}: no parallax");
                let pictures = media.query_selector_all("img").expect("q");
                for i in 0..pictures.length() {
                    let img = pictures.item(i).expect("img");
                    let running = js_sys::Reflect::get(&img, &"getAnimations".into())
                        .expect("fn")
                        .unchecked_into::<js_sys::Function>()
                        .call0(&img)
                        .expect("animations")
                        .unchecked_into::<js_sys::Array>()
                        .length();
                    assert_eq!(running, 0, "{skin}: {id} has no Ken Burns");
                }
            }
        }
        drop(r);
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn the_text_enters_with_the_swipe_and_rests_complete() {
    let root = host_element();
    // Xiaomi's default motion is fade-in; the second sample card names none of its own.
    let r = Renderer::new(
        root.clone(),
        options(&[("skin", "xiaomi-hyperos".into())]),
        None,
    )
    .expect("mounts");
    r.set_feed(SAMPLE).expect("valid");
    let viewport = viewport_of(&root);
    let next = card(&root, "monsoon-mumbai-en");
    let body = next
        .query_selector(".glance-body")
        .expect("q")
        .expect("body");
    let media = next
        .query_selector(".glance-media")
        .expect("q")
        .expect("media");
    pointer(&viewport, &root, 5, "pointerdown", 350.0);
    for x in [330.0, 300.0, 250.0, 200.0, 144.0] {
        pointer(&viewport, &root, 5, "pointermove", x);
        next_frame().await;
    }
    next_frame().await;
    // The finger has pulled the next card half-way in (206 px of 412).
    let offset = left_of(&next, &root);
    assert!((offset - 206.0).abs() <= 1.0, "{offset}");
    let opacity: f64 = computed(&body, "opacity").parse().expect("number");
    assert!(
        (opacity - 0.5).abs() < 0.02,
        "half-way in, the text is half faded in ({opacity})"
    );
    let shift = left_of(&media, &root) - offset;
    assert!(
        (shift + 0.3 * offset).abs() <= 1.0,
        "the picture lags 30 % behind the card ({shift} px)"
    );
    pointer(&viewport, &root, 5, "pointerup", 144.0);
    sleep(900).await;
    assert_eq!(r.index(), 1);
    assert_eq!(computed(&body, "opacity"), "1");
    assert_eq!(computed(&body, "transform"), "none");
    assert_eq!(computed(&media, "transform"), "none");
    drop(r);
    root.remove();
}

/// Brings every animation on the page to its end at once.
fn finish_animations() {
    let doc = document();
    let all: js_sys::Array = js_sys::Reflect::get(&doc, &"getAnimations".into())
        .expect("fn")
        .unchecked_into::<js_sys::Function>()
        .call0(&doc)
        .expect("animations")
        .unchecked_into();
    all.for_each(&mut |a, _, _| {
        let finish = js_sys::Reflect::get(&a, &"finish".into()).expect("fn");
        let _ = finish.unchecked_into::<js_sys::Function>().call0(&a);
    });
}

#[wasm_bindgen_test]
async fn press_and_hold_pauses_auto_advance_without_navigating() {
    let root = host_element();
    // (Ken Burns pausing on a hold is checked end to end, where the pictures are served.)
    let feed = r#"{"version":1,"cards":[
      {"id":"a","kind":"news","lang":"en","title":"Hold me","advance_after_ms":1500,
       "source":{"name":"Desk"}},
      {"id":"b","kind":"news","lang":"en","title":"Next","source":{"name":"Desk"}}]}"#;
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(feed).expect("valid");
    let viewport = viewport_of(&root);
    sleep(100).await;
    pointer(&viewport, &root, 9, "pointerdown", 300.0);
    sleep(1900).await;
    assert_eq!(r.index(), 0, "a hold pauses auto-advance (2 s have passed)");
    pointer(&viewport, &root, 9, "pointerup", 300.0);
    assert_eq!(r.index(), 0, "releasing a hold is not a tap");
    // The card had about 1.4 s of its 1.5 s left when the finger came down.
    sleep(1000).await;
    assert_eq!(r.index(), 0, "the card keeps the time it had left");
    sleep(800).await;
    assert_eq!(r.index(), 1, "then auto-advance moves on");
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
async fn screen_off_lands_the_cards_and_stops_the_countdown() {
    let root = host_element();
    let feed = r#"{"version":1,"cards":[
      {"id":"a","kind":"news","lang":"en","title":"A","advance_after_ms":1200,"source":{"name":"D"}},
      {"id":"b","kind":"news","lang":"en","title":"B","advance_after_ms":1200,"source":{"name":"D"}},
      {"id":"c","kind":"news","lang":"en","title":"C","source":{"name":"D"}}]}"#;
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(feed).expect("valid");
    r.set_screen_on(false);
    sleep(1600).await;
    assert_eq!(r.index(), 0, "no countdown with the screen off");
    r.set_screen_on(true);
    sleep(700).await;
    assert_eq!(r.index(), 0, "the card gets its whole time after the wake");
    sleep(900).await;
    assert_eq!(r.index(), 1, "then moves on");
    // A move under way when the screen goes off lands at once.
    sleep(700).await;
    assert!(r.next());
    sleep(30).await;
    r.set_screen_on(false);
    let c = card(&root, "c");
    assert_eq!(left_of(&c, &root), 0.0, "landed");
    assert!(in_view(&c));
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_right_to_left_deck_mirrors_swipes_taps_and_keys() {
    let root = host_element();
    let r =
        Renderer::new(root.clone(), options(&[("direction", "rtl".into())]), None).expect("mounts");
    r.set_feed(&feed_of(4)).expect("valid");
    assert_eq!(
        left_of(&card(&root, "c1"), &root),
        -412.0,
        "the next card waits on the left"
    );
    let viewport = viewport_of(&root);
    pointer(&viewport, &root, 2, "pointerdown", 100.0);
    for x in [115.0, 160.0, 220.0, 290.0] {
        next_frame().await;
        pointer(&viewport, &root, 2, "pointermove", x);
    }
    next_frame().await;
    next_frame().await;
    let pulled = left_of(&card(&root, "c1"), &root);
    assert!(
        (pulled - (-412.0 + 190.0)).abs() <= 1.0,
        "a finger moving right pulls it in ({pulled} px)"
    );
    pointer(&viewport, &root, 2, "pointerup", 290.0);
    sleep(900).await;
    assert_eq!(r.index(), 1);
    // A tap on the right quarter goes back; the arrow pointing at the next card goes forward.
    pointer(&viewport, &root, 4, "pointerdown", 330.0);
    pointer(&viewport, &root, 4, "pointerup", 330.0);
    sleep(900).await;
    assert_eq!(r.index(), 0, "the right quarter is the start side");
    assert!(r.set_direction("sideways").is_err());
    // The host's locale sets it too: a left-to-right language turns the deck back.
    r.set_locale("hi-IN").expect("a tag");
    assert_eq!(
        left_of(&card(&root, "c1"), &root),
        412.0,
        "Hindi runs left to right"
    );
    r.set_locale("ur-PK").expect("a tag");
    assert_eq!(
        left_of(&card(&root, "c1"), &root),
        -412.0,
        "Urdu right to left"
    );
    assert!(r.set_locale("not a tag!").is_err());
    // A settings push repeating the same language while cards move leaves the motion alone.
    assert!(r.next());
    sleep(60).await;
    let moving = left_of(&card(&root, "c1"), &root);
    r.set_locale("ur-PK").expect("a tag");
    let still_moving = left_of(&card(&root, "c1"), &root);
    assert!(
        still_moving != 0.0 && (still_moving - moving).abs() < 100.0,
        "still on its way ({moving} → {still_moving} px)"
    );
    sleep(900).await;
    assert_eq!(r.index(), 1);
    drop(r);
    root.remove();
}

fn live_feed(home_score: &str) -> String {
    format!(
        r#"{{"version":1,"cards":[
      {{"id":"news","kind":"news","lang":"en","title":"Before the match","source":{{"name":"Desk"}}}},
      {{"id":"match","kind":"sports","lang":"en","title":"Final over",
        "score":{{"home":{{"name":"MI","score":"{home_score}"}},"away":{{"name":"CSK","score":"189/4"}},
                 "status":"live"}}}},
      {{"id":"after","kind":"news","lang":"en","title":"After","source":{{"name":"Desk"}}}}]}}"#
    )
}

#[wasm_bindgen_test]
async fn a_live_score_updates_in_place_while_a_finger_drags() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(&live_feed("172/6")).expect("valid");
    let news = card(&root, "news");
    let live = card(&root, "match");
    let viewport = viewport_of(&root);
    pointer(&viewport, &root, 6, "pointerdown", 330.0);
    for x in [315.0, 280.0, 240.0, 200.0] {
        pointer(&viewport, &root, 6, "pointermove", x);
        next_frame().await;
    }
    next_frame().await;
    let before = (left_of(&news, &root), left_of(&live, &root));
    assert!((before.1 - (412.0 - 130.0)).abs() <= 1.0, "{before:?}");
    // The host pushes the new score mid-drag.
    let report = r.set_feed(&live_feed("178/6")).expect("valid");
    assert_eq!(get(&report, "shown").as_f64(), Some(3.0));
    next_frame().await;
    assert!(
        card(&root, "match").is_same_node(Some(&live)),
        "the same card element"
    );
    assert!(
        card(&root, "news").is_same_node(Some(&news)),
        "the other card untouched"
    );
    assert_eq!(
        (left_of(&news, &root), left_of(&live, &root)),
        before,
        "nothing jumps"
    );
    let score = live
        .query_selector(".glance-score__value")
        .expect("q")
        .expect("score")
        .text_content();
    assert_eq!(score.as_deref(), Some("178/6"));
    // The drag goes on and lands as it would have.
    pointer(&viewport, &root, 6, "pointermove", 150.0);
    pointer(&viewport, &root, 6, "pointerup", 150.0);
    sleep(900).await;
    assert_eq!(r.current_id().as_deref(), Some("match"));
    assert!(in_view(&live));
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_skin_may_wake_on_the_next_unseen_card() {
    let root = host_element();
    let profile = include_str!("../www/skins/generic.json").replace(
        "\"loop\": false",
        "\"wake\": \"next-unseen\", \"loop\": false",
    );
    let r = Renderer::new(
        root.clone(),
        options(&[
            ("skinProfile", profile.as_str().into()),
            ("autoAdvance", JsValue::FALSE),
        ]),
        None,
    )
    .expect("mounts");
    r.set_feed(&feed_of(4)).expect("valid");
    let wake = || {
        r.set_screen_on(false);
        r.set_screen_on(true);
    };
    wake();
    assert_eq!(r.index(), 1, "card 0 was seen: the next one");
    assert_eq!(left_of(&card(&root, "c1"), &root), 0.0, "at once, in place");
    assert!(in_view(&card(&root, "c1")));
    r.go_to(0);
    sleep(900).await;
    wake();
    assert_eq!(r.index(), 2, "0 and 1 were seen");
    // A card that came while the screen was off was not seen: a wake keeps it.
    r.set_screen_on(false);
    r.next();
    r.set_screen_on(true);
    assert_eq!(r.index(), 3);
    wake();
    assert_eq!(
        r.index(),
        3,
        "3 arrived in the dark, so it was not seen: it stays"
    );
    wake();
    assert_eq!(
        r.index(),
        3,
        "seen now, and nothing after it is unseen: it stays"
    );
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
fn index_of_finds_shown_cards_by_id_only() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(SAMPLE).expect("valid");
    assert_eq!(r.index_of("ipl-2026-final-live"), 0);
    assert_eq!(r.index_of("durga-puja-bn"), 13);
    assert_eq!(
        r.index_of("diwali-sale-ended"),
        -1,
        "a card out of its window is not shown"
    );
    assert_eq!(r.index_of("no-such-card"), -1);
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
fn dark_mode_dims_pictures_and_can_be_handed_back_to_the_page() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(SAMPLE).expect("valid");
    let viewport = viewport_of(&root);
    let media: Element = card(&root, "ipl-2026-final-live")
        .query_selector(".glance-media")
        .expect("q")
        .expect("a picture layer");
    let opacity = || {
        web_sys::window()
            .expect("window")
            .get_computed_style(&media)
            .expect("style")
            .expect("a style")
            .get_property_value("opacity")
            .expect("opacity")
    };
    let light = opacity();
    r.set_color_scheme("dark").expect("dark is a scheme");
    assert_eq!(
        viewport.get_attribute("data-scheme").as_deref(),
        Some("dark")
    );
    assert_eq!(opacity(), "0.8");
    r.set_color_scheme("light").expect("light is a scheme");
    assert_eq!(opacity(), "1");
    r.set_color_scheme("").expect("empty follows the page");
    assert_eq!(viewport.get_attribute("data-scheme"), None);
    assert_eq!(opacity(), light, "the page's prefers-color-scheme again");
    assert!(r.set_color_scheme("sepia").is_err());
    drop(r);
    root.remove();
}

#[wasm_bindgen_test]
fn validate_feed_reports_per_skin_without_showing_anything() {
    let with_deep_link = r#"{"version":1,"cards":[
        {"id":"a","kind":"news","lang":"en","title":"A","source":{"name":"Desk"},
         "cta":{"label":"Open","url":"samsungapps://detail/x"}},
        {"id":"b","kind":"news","lang":"en","title":"","source":{"name":"Desk"}}]}"#;
    let report = glance_renderer::validate_feed(with_deep_link, "samsung-oneui")
        .map_err(JsValue::from)
        .expect("a report");
    let rejections = js_sys::Array::from(&get(&report, "rejections"));
    assert_eq!(rejections.length(), 1, "only the empty title on Samsung");
    assert_eq!(
        get(&rejections.get(0), "field").as_string().as_deref(),
        Some("title")
    );
    let report = glance_renderer::validate_feed(with_deep_link, "generic")
        .map_err(JsValue::from)
        .expect("a report");
    let fields: Vec<String> = js_sys::Array::from(&get(&report, "rejections"))
        .iter()
        .filter_map(|r| get(&r, "field").as_string())
        .collect();
    assert_eq!(
        fields,
        ["cta.url", "title"],
        "the deep link is Samsung's only"
    );
    let refused = glance_renderer::validate_feed("{\"version\":1,\n\"cards\":[}", "generic")
        .map(|_| ())
        .map_err(JsValue::from)
        .expect_err("not JSON");
    let message = js_sys::Error::from(refused).message();
    assert!(
        String::from(message).contains("line 2"),
        "the line is named"
    );
    assert!(glance_renderer::validate_feed(SAMPLE, "no-such-skin").is_err());
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
export function cldr_plural(tag, n) { return new Intl.PluralRules(tag).select(n); }
export function cldr_number(tag, n) { return new Intl.NumberFormat(tag, { useGrouping: false }).format(n); }
")]
extern "C" {
    fn cldr_plural(tag: &str, n: f64) -> String;
    fn cldr_number(tag: &str, n: f64) -> String;
}

/// The locale table's plural rules and digits against the browser's CLDR (`Intl.PluralRules`,
/// `Intl.NumberFormat`), for every entry, a regional tag and a `-u-nu-latn` one, at every
/// count from 0 to 2,000: the table alone writes what `Intl` would, before `Intl` is loaded.
#[wasm_bindgen_test]
fn the_locale_tables_plurals_and_digits_are_cldrs() {
    use glance_renderer::core::ui::locale::{languages, strings, Plural};
    let tags: Vec<String> = languages()
        .map(str::to_string)
        .chain(
            [
                "hi-IN",
                "bn-BD",
                "mr-IN",
                "pt-BR",
                "es-MX",
                "bn-u-nu-latn",
                "fil-PH",
            ]
            .map(String::from),
        )
        .collect();
    let mut wrong = Vec::new();
    for tag in &tags {
        let ui = strings(tag);
        for n in 0..=2000u64 {
            let cldr = cldr_plural(tag, n as f64);
            let ours = match ui.plural.select(n) {
                Plural::One => "one",
                Plural::Other => "other",
            };
            // The table writes `many` (Spanish and Portuguese millions) as `other`.
            let cldr = if cldr == "many" {
                "other".to_string()
            } else {
                cldr
            };
            if cldr != ours {
                wrong.push(format!("{tag} {n}: CLDR {cldr}, table {ours}"));
            }
            let number = ui.number(n, tag);
            let want = cldr_number(tag, n as f64);
            if number != want {
                wrong.push(format!("{tag} {n}: CLDR writes {want}, table {number}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} differences: {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(12)]
    );
}

/// A news card's "1 hour ago" in Marathi takes the singular and Marathi's digits, at the first
/// build and after the page has been idle and the card was built again: the words never
/// change under the viewer (they once became `Intl`'s once it had loaded).
#[wasm_bindgen_test]
async fn relative_times_read_the_same_at_wake_and_later() {
    let root = host_element();
    let mut r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    let iso = |minutes: f64| {
        js_sys::Date::new(&JsValue::from(js_sys::Date::now() - minutes * 60_000.0))
            .to_iso_string()
            .as_string()
            .expect("a string")
    };
    let feed = format!(
        r#"{{ "version": 1, "cards": [
          {{ "id": "mr-1", "kind": "news", "lang": "mr", "title": "पुण्यात मुसळधार पाऊस",
             "source": {{ "name": "वृत्त" }}, "starts_at": "{}" }},
          {{ "id": "pt-1", "kind": "news", "lang": "pt-PT", "title": "Chuva forte no Porto",
             "source": {{ "name": "Jornal" }}, "starts_at": "{}" }} ] }}"#,
        iso(61.0),
        iso(121.0)
    );
    r.set_feed(&feed).expect("applies");
    let time_of = |id: &str| {
        card(&root, id)
            .query_selector(".glance-source__time")
            .expect("query")
            .and_then(|e| e.text_content())
    };
    assert_eq!(time_of("mr-1").as_deref(), Some("१ तासापूर्वी"));
    assert_eq!(time_of("pt-1").as_deref(), Some("há 2 h"));
    // Idle moments pass (where `Intl` used to be loaded), and the cards are built again.
    sleep(1_200).await;
    r.set_skin("samsung-oneui").expect("a built-in");
    next_frame().await;
    assert_eq!(time_of("mr-1").as_deref(), Some("१ तासापूर्वी"));
    assert_eq!(time_of("pt-1").as_deref(), Some("há 2 h"));
    drop(r);
    root.remove();
}

/// Every name in a layout report is camelCase, as the contract has every name JS receives
/// (the warning codes are values, and stay as they are).
#[wasm_bindgen_test]
fn layout_reports_name_everything_in_camel_case() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(SAMPLE).expect("valid");
    let mut names = Vec::new();
    for i in 0..r.count() {
        walk(&r.layout_of(i).expect("laid out"), &mut names);
    }
    let bad: std::collections::BTreeSet<_> = names.iter().filter(|n| n.contains('_')).collect();
    assert!(!names.is_empty());
    assert!(bad.is_empty(), "{bad:?}");
    drop(r);
    root.remove();
}

/// Every name in what JS receives, and the `type` of every notice, is camelCase: the feed
/// report, the notices of a session with a swipe, a like, an open and a failed picture.
#[wasm_bindgen_test]
async fn reports_and_notices_name_everything_in_camel_case() {
    let root = host_element();
    let collect = js_sys::Function::new_with_args(
        "n",
        "(window.__glanceNotices = window.__glanceNotices || []).push(n)",
    );
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, Some(collect)).expect("mounts");
    let feed = r#"{"version":1,"cards":[
        {"id":"a","kind":"news","lang":"en","title":"A","source":{"name":"Desk"},
         "media":{"type":"image","src":"media/does-not-exist.jpg"},
         "cta":{"label":"Go","url":"https://example.com/a"}},
        {"id":"b","kind":"news","lang":"en","title":"B","source":{"name":"Desk"}},
        {"id":"c","kind":"news","lang":"en","title":"C","source":{"name":"Desk"},
         "starts_at":"2999-01-01T00:00:00Z"},
        {"id":"bad","kind":"news","lang":"en","title":"","source":{"name":"Desk"}}]}"#;
    let report = r.set_feed(feed).expect("valid");
    assert_eq!(get(&report, "waiting").as_f64(), Some(1.0));
    assert_eq!(
        get(&report, "firstStartsAt").as_f64(),
        Some(32_472_144_000_000.0)
    );
    let article = card(&root, "a");
    let click = |selector: &str| {
        let el: HtmlElement = article
            .query_selector(selector)
            .expect("q")
            .unwrap_or_else(|| panic!("{selector}"))
            .unchecked_into();
        el.click();
    };
    click("[data-action=like]");
    click("[data-action=open]");
    sleep(300).await;
    r.next();
    sleep(700).await;
    let notices = js_sys::Reflect::get(&web_sys::window().expect("w"), &"__glanceNotices".into())
        .expect("notices");
    let mut names = Vec::new();
    let mut types = Vec::new();
    walk(&report, &mut names);
    walk(&notices, &mut names);
    for n in js_sys::Array::from(&notices).iter() {
        types.push(get(&n, "type").as_string().expect("a type"));
    }
    for expected in ["cardChange", "like", "open", "mediaError"] {
        assert!(
            types.iter().any(|t| t == expected),
            "{expected} in {types:?}"
        );
    }
    let bad: std::collections::BTreeSet<_> = names
        .iter()
        .chain(&types)
        .filter(|n| n.contains('_'))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    drop(r);
    root.remove();
}

/// The picture fetched first is the card in view's, wherever it stands in the feed (it was
/// feed index 0's, even when the deck showed another card).
#[wasm_bindgen_test]
fn the_card_in_views_picture_is_fetched_first() {
    let root = host_element();
    let mut r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(SAMPLE).expect("valid");
    let eager = |root: &HtmlElement| {
        let list = root
            .query_selector_all("img[fetchpriority=\"high\"]")
            .expect("query");
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .filter_map(|img| img.closest("[data-card-id]").ok().flatten())
            .filter_map(|card| card.get_attribute("data-card-id"))
            .collect::<Vec<_>>()
    };
    assert_eq!(eager(&root), ["ipl-2026-final-live"]);
    // Three cards on, then every card built again (a skin switch).
    assert!(r.go_to(3));
    r.set_skin("vivo-originos").expect("a built-in");
    let current = r.current_id().expect("a card in view");
    assert_eq!(eager(&root), [current]);
    drop(r);
    root.remove();
}

/// The Wasm memory an 8 MiB hostile feed leaves behind (memory never shrinks): the reader
/// builds no tree of the whole text, so the module grows by little more than the text itself.
#[wasm_bindgen_test]
fn an_eight_mib_feed_costs_the_module_little_more_than_its_text() {
    let bytes = || {
        let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        let buffer: js_sys::ArrayBuffer = memory.buffer().unchecked_into();
        buffer.byte_length() as f64
    };
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_feed(&feed_of(3)).expect("valid");
    let before = bytes();
    // Sized once, as the glue copies a JS string into the module (no doubling on the way).
    let mut hostile = String::with_capacity(8 * 1024 * 1024);
    hostile.push_str("{\"version\":1,\"cards\":[");
    hostile.push_str(&"1,".repeat(4 * 1024 * 1024 - 32));
    hostile.push_str("1]}");
    let size = hostile.len() as f64;
    let report = r.set_feed(&hostile).expect("read");
    assert_eq!(get(&report, "applied").as_bool(), Some(false));
    drop(hostile);
    let after = bytes();
    r.set_feed(&feed_of(3)).expect("valid");
    let next = bytes();
    wasm_bindgen_test::console_log!(
        "{}",
        format!(
            "wasm memory: {:.1} MB before, {:.1} MB after the 8 MiB feed, {:.1} MB after the next small one",
            before / 1e6,
            after / 1e6,
            next / 1e6
        )
    );
    // The text is copied into the module once (and the test holds its own copy there too).
    assert!(
        after - before <= 3.0 * size,
        "{} MB more",
        (after - before) / 1e6
    );
    drop(r);
    root.remove();
}

/// Where `requestIdleCallback` is missing (Safari, old WebViews), the window is still tidied
/// after a settle and the outbox still stored: they run after their deadline instead.
#[wasm_bindgen_test]
async fn without_request_idle_callback_the_tidy_up_and_the_store_still_run() {
    let hide = js_sys::Function::new_no_args(
        "window.__glanceRic = window.requestIdleCallback; delete window.requestIdleCallback;
         Object.defineProperty(window, 'requestIdleCallback', { value: undefined, configurable: true, writable: true });
         delete window.requestIdleCallback;
         return 'requestIdleCallback' in window;",
    );
    let restore = js_sys::Function::new_no_args(
        "window.requestIdleCallback = window.__glanceRic; delete window.__glanceRic;",
    );
    let still_there = hide.call0(&JsValue::NULL).expect("hides");
    let root = host_element();
    let collect = js_sys::Function::new_with_args(
        "n",
        "(window.__glanceStored = window.__glanceStored || []).push(n.type)",
    );
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, Some(collect)).expect("mounts");
    r.set_auto_advance(false);
    r.set_feed(&feed_of(10)).expect("valid");
    r.next();
    sleep(700).await;
    assert_eq!(r.index(), 1);
    for _ in 0..40 {
        if ids(&root) == ["c0", "c1", "c2"] {
            break;
        }
        sleep(50).await;
    }
    let tidied = ids(&root) == ["c0", "c1", "c2"];
    // The swipe is an event: the outbox is stored within its deadline.
    sleep(1_200).await;
    let stored = js_sys::Reflect::get(&web_sys::window().expect("w"), &"__glanceStored".into())
        .expect("notices");
    let types: Vec<String> = js_sys::Array::from(&stored)
        .iter()
        .filter_map(|t| t.as_string())
        .collect();
    drop(r);
    root.remove();
    // The page gets it back before anything can fail.
    restore.call0(&JsValue::NULL).expect("restores");
    assert_eq!(
        still_there.as_bool(),
        Some(false),
        "the page had no requestIdleCallback"
    );
    assert!(tidied, "tidied after the settle");
    assert!(types.iter().any(|t| t == "store"), "{types:?}");
}

/// A notice listener that called back into the renderer, which trapped: the trap is not lost
/// in the notice's return value but goes on to the page as an unhandled rejection, which the
/// supervisor hears. An ordinary error of a listener changes nothing.
#[wasm_bindgen_test]
async fn a_trap_in_a_reentrant_notice_listener_reaches_the_page() {
    let listen = js_sys::Function::new_no_args(
        "window.__glanceRejections = [];
         window.__glanceOnRejection = (e) => {
           if (e.reason instanceof WebAssembly.RuntimeError) { window.__glanceRejections.push(e.reason.message); e.preventDefault(); }
         };
         window.addEventListener('unhandledrejection', window.__glanceOnRejection);",
    );
    let unlisten = js_sys::Function::new_no_args(
        "window.removeEventListener('unhandledrejection', window.__glanceOnRejection);
         return window.__glanceRejections;",
    );
    listen.call0(&JsValue::NULL).expect("listens");
    let root = host_element();
    // Throws what a re-entrant call that trapped throws: a WebAssembly.RuntimeError.
    let trapping = js_sys::Function::new_with_args(
        "n",
        "if (n.type === 'cardChange') throw new WebAssembly.RuntimeError('unreachable'); throw new Error('a plain error');",
    );
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, Some(trapping)).expect("mounts");
    r.set_feed(&feed_of(3)).expect("valid");
    sleep(50).await;
    let seen = unlisten.call0(&JsValue::NULL).expect("unlistens");
    let messages: Vec<String> = js_sys::Array::from(&seen)
        .iter()
        .filter_map(|m| m.as_string())
        .collect();
    assert_eq!(messages, ["unreachable"]);
    assert!(r.alive(), "a listener's error does not break the renderer");
    drop(r);
    root.remove();
}

/// A lock screen with no card yet (today's cards all start later) that a finger swipes: the
/// swipe has no card to move, and it must still come to rest, or the feed waiting for its start
/// would wait for that rest forever.
#[wasm_bindgen_test]
async fn a_swipe_over_an_empty_screen_still_rests_and_the_waiting_feed_comes() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    let starts = js_sys::Date::new(&JsValue::from_f64(js_sys::Date::now() + 1_500.0));
    let iso = starts.to_iso_string().as_string().expect("a date");
    let feed = format!(
        r#"{{"version":1,"cards":[{{"id":"soon","kind":"news","lang":"en","title":"Soon","source":{{"name":"Desk"}},"starts_at":"{iso}"}}]}}"#
    );
    let report = r.set_feed(&feed).expect("valid");
    assert_eq!(get(&report, "applied").as_bool(), Some(false));
    assert_eq!(get(&report, "waiting").as_f64(), Some(1.0));
    assert_eq!(r.count(), 0);
    let viewport = viewport_of(&root);
    pointer(&viewport, &root, 7, "pointerdown", 300.0);
    for (i, x) in [280.0, 240.0, 190.0, 140.0].iter().enumerate() {
        sleep(16 * (i as i32 + 1)).await;
        pointer(&viewport, &root, 7, "pointermove", *x);
    }
    pointer(&viewport, &root, 7, "pointerup", 140.0);
    sleep(2_500).await;
    assert_eq!(r.count(), 1, "the waiting feed took over at its start");
    assert_eq!(ids(&root), ["soon"]);
    drop(r);
    root.remove();
}

/// A freed renderer holds nothing of the page: every listener it added is removed, its
/// resize observer is disconnected, and the promises it started (a picture's `decode()`, a
/// clip's `play()`) hold no callback of its own, so settling them afterwards runs none of its
/// code (before, both settled into closures the renderer had dropped, which throws).
#[wasm_bindgen_test]
async fn a_freed_renderer_leaves_no_listener_observer_or_promise_callback() {
    let spy = js_sys::Function::new_no_args(
        r#"
        const w = window;
        const spy = { live: new Set(), observing: new Set(), pending: [], errors: [], undo: [] };
        w.__glanceSpy = spy;
        const patch = (proto, name, make) => {
          const original = proto[name];
          proto[name] = make(original);
          spy.undo.push(() => { proto[name] = original; });
        };
        const key = (t, type, l, o) => [t, type, l, typeof o === 'boolean' ? o : !!(o && o.capture)];
        const same = (a, b) => a.every((v, i) => v === b[i]);
        patch(EventTarget.prototype, 'addEventListener', (add) => function (type, l, o) {
          spy.live.add(key(this, type, l, o));
          return add.call(this, type, l, o);
        });
        patch(EventTarget.prototype, 'removeEventListener', (remove) => function (type, l, o) {
          const k = key(this, type, l, o);
          for (const e of spy.live) if (same(e, k)) spy.live.delete(e);
          return remove.call(this, type, l, o);
        });
        patch(ResizeObserver.prototype, 'observe', (observe) => function (...a) {
          spy.observing.add(this);
          return observe.apply(this, a);
        });
        patch(ResizeObserver.prototype, 'disconnect', (disconnect) => function () {
          spy.observing.delete(this);
          return disconnect.call(this);
        });
        const later = (kind) => () => () => new Promise((resolve, reject) => spy.pending.push({ kind, resolve, reject }));
        patch(HTMLImageElement.prototype, 'decode', later('decode'));
        patch(HTMLMediaElement.prototype, 'play', later('play'));
        const onError = (e) => spy.errors.push(String(e.reason ?? e.message));
        w.addEventListener('unhandledrejection', onError);
        w.addEventListener('error', onError);
        spy.live.clear();
        spy.undo.push(() => {
          w.removeEventListener('unhandledrejection', onError);
          w.removeEventListener('error', onError);
        });
        "#,
    );
    let read = js_sys::Function::new_no_args(
        "const s = window.__glanceSpy;
         return [s.live.size, s.observing.size, s.pending.length];",
    );
    // Decodes succeed (their success was the renderer's to hear); plays are refused (as an
    // autoplay policy would; the refusal was the renderer's to absorb).
    let settle = js_sys::Function::new_no_args(
        "for (const p of window.__glanceSpy.pending) p.kind === 'decode' ? p.resolve() : p.reject(new Error('refused'));",
    );
    let finish = js_sys::Function::new_no_args(
        "const s = window.__glanceSpy;
         for (const undo of s.undo.reverse()) undo();
         delete window.__glanceSpy;
         return s.errors.join(' | ');",
    );
    spy.call0(&JsValue::NULL).expect("spies");
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_auto_advance(false);
    // A picture card (its Ken Burns waits for `decode()`), then a clip card (it plays in view).
    let feed = r#"{"version":1,"cards":[
      {"id":"p","kind":"image","lang":"en","title":"Picture","media":{"type":"image","src":"nothing-here.jpg"}},
      {"id":"v","kind":"video","lang":"en","title":"Clip","media":{"type":"video","src":"nothing-here.webm"}},
      {"id":"n","kind":"news","lang":"en","title":"News","source":{"name":"Desk"}}]}"#;
    r.set_feed(feed).expect("valid");
    sleep(400).await;
    r.next();
    sleep(900).await;
    let alive = js_sys::Array::from(&read.call0(&JsValue::NULL).expect("reads"));
    let started = alive.get(2).as_f64().unwrap_or(0.0);
    drop(r);
    root.remove();
    let after = js_sys::Array::from(&read.call0(&JsValue::NULL).expect("reads"));
    let listeners = after.get(0).as_f64().unwrap_or(-1.0);
    let observers = after.get(1).as_f64().unwrap_or(-1.0);
    // Half the promises resolve, the rest of the page's promises are refused: neither may run
    // the renderer's code.
    settle
        .call1(&JsValue::NULL, &JsValue::TRUE)
        .expect("settles");
    sleep(50).await;
    let errors = finish
        .call0(&JsValue::NULL)
        .expect("finishes")
        .as_string()
        .unwrap_or_default();
    assert!(
        started >= 2.0,
        "a decode and a play were started ({started})"
    );
    assert!(
        alive.get(0).as_f64().unwrap_or(0.0) > 0.0,
        "the renderer listened while alive"
    );
    assert_eq!(listeners, 0.0, "listeners left after free");
    assert_eq!(observers, 0.0, "observers left after free");
    assert_eq!(errors, "", "a promise settled into the freed renderer");
}

/// Clip cards whose window moves by two at once (a jump, or keys faster than the cards land)
/// give two `<video>` elements back before two are built: both are taken again. Before, only
/// one spare was kept and each such move made a new element.
#[wasm_bindgen_test]
fn a_window_that_jumps_reuses_the_clip_elements_it_gave_back() {
    let count = js_sys::Function::new_no_args(
        "const create = Document.prototype.createElement;
         window.__videosMade = 0;
         Document.prototype.createElement = function (name, ...rest) {
           if (String(name).toLowerCase() === 'video') window.__videosMade += 1;
           return create.call(this, name, ...rest);
         };
         window.__restoreCreate = () => { Document.prototype.createElement = create; };",
    );
    count.call0(&JsValue::NULL).expect("counts");
    let root = host_element();
    let r = Renderer::new(
        root.clone(),
        options(&[
            ("reducedMotion", JsValue::TRUE),
            ("autoAdvance", JsValue::FALSE),
        ]),
        None,
    )
    .expect("mounts");
    let cards: Vec<String> = (0..12)
        .map(|i| format!(r#"{{"id":"c{i}","kind":"video","lang":"en","title":"Clip {i}","media":{{"type":"video","src":"clip.webm?card={i}"}}}}"#))
        .collect();
    r.set_feed(&format!(r#"{{"version":1,"cards":[{}]}}"#, cards.join(",")))
        .expect("valid");
    for index in [2usize, 4, 6, 8, 10, 8, 6, 4, 2, 0] {
        r.go_to(index);
        assert_eq!(r.index(), index as i32);
    }
    let window = web_sys::window().expect("window");
    let made = js_sys::Reflect::get(&window, &"__videosMade".into())
        .expect("counted")
        .as_f64();
    let restore: js_sys::Function = js_sys::Reflect::get(&window, &"__restoreCreate".into())
        .expect("restore")
        .unchecked_into();
    restore.call0(&JsValue::NULL).expect("restores");
    let in_dom = root.query_selector_all("video").expect("query").length();
    drop(r);
    root.remove();
    assert!(in_dom <= 3, "{in_dom} in the DOM");
    assert!(
        made.is_some_and(|m| m <= 4.0),
        "{made:?} <video> elements made"
    );
}

/// After the tidy-up, idle slices measure the text of the card the next settle mounts
/// (`on_look_ahead`): that settle's tidy-up then measures none of it, so the new neighbour
/// costs no text measuring. The page's own `measureText` is the witness.
#[wasm_bindgen_test]
async fn the_card_a_settle_mounts_was_measured_ahead_in_idle_time() {
    let root = host_element();
    let r = Renderer::new(root.clone(), JsValue::UNDEFINED, None).expect("mounts");
    r.set_auto_advance(false);
    r.set_feed(SAMPLE).expect("valid");
    // The first tidy-up, then the look-ahead's slices.
    sleep(1_500).await;
    let watch = js_sys::Function::new_no_args(
        "const proto = CanvasRenderingContext2D.prototype;
         window.__glanceMeasure = proto.measureText;
         window.__glanceMeasured = [];
         proto.measureText = function (text) {
           window.__glanceMeasured.push(text);
           return window.__glanceMeasure.call(this, text);
         };",
    );
    let unwatch = js_sys::Function::new_no_args(
        "CanvasRenderingContext2D.prototype.measureText = window.__glanceMeasure;
         const measured = window.__glanceMeasured;
         delete window.__glanceMeasure; delete window.__glanceMeasured;
         return measured;",
    );
    watch.call0(&JsValue::NULL).expect("watches");
    assert!(r.next());
    let mut third = None;
    for _ in 0..60 {
        sleep(50).await;
        if let Some(id) = ids(&root).get(2) {
            third = Some(id.clone());
            break;
        }
    }
    let measured = unwatch.call0(&JsValue::NULL).expect("unwatches");
    let third = third.expect("the settle mounted a third card");
    let text = card(&root, &third).text_content().unwrap_or_default();
    let missed: Vec<String> = js_sys::Array::from(&measured)
        .iter()
        .filter_map(|t| t.as_string())
        .filter(|t| !t.trim().is_empty() && text.contains(t.as_str()))
        .collect();
    drop(r);
    root.remove();
    assert!(text.chars().count() > 40, "{third} has text: {text}");
    assert_eq!(
        missed,
        Vec::<String>::new(),
        "{third}'s text measured at its mount"
    );
}
