//! A direct connection to her other device (wasm only): a WebRTC data channel, set up from the
//! descriptions the two devices rebuild from each other's card (`storage::sync::card`), with no
//! STUN or TURN server (`iceServers` empty: host addresses only, the same network suffices), so
//! that nothing but the two devices ever takes part. Messages are text, and files in chunks with
//! the channel's buffer kept short.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    MessageEvent, RtcConfiguration, RtcDataChannel, RtcDataChannelInit, RtcDataChannelState,
    RtcDataChannelType, RtcIceGatheringState, RtcPeerConnection, RtcPeerConnectionState,
    RtcSdpType, RtcSessionDescriptionInit,
};

/// A file's bytes a chunk (Chromium and Safari take messages of 256 KiB).
const CHUNK: usize = 64 * 1024;
/// Sending waits while more than this is queued, so a large file never fills the memory.
const MOST_BUFFERED: u32 = 2 * 1024 * 1024;
/// How long gathering this device's addresses may take (host addresses come at once).
const GATHERING_MS: u32 = 3_000;

/// A message received.
enum Message {
    Text(String),
    Bytes(Vec<u8>),
}

#[derive(Default)]
struct Inbox {
    messages: VecDeque<Message>,
    closed: bool,
}

/// One connection to the other device.
pub struct Link {
    pc: RtcPeerConnection,
    channel: RtcDataChannel,
    inbox: Rc<RefCell<Inbox>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_close: Closure<dyn FnMut(JsValue)>,
}

fn failed(what: &str) -> impl Fn(JsValue) -> String + '_ {
    move |_| format!("The direct connection could not be prepared ({what}).")
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Link {
    fn new() -> Result<Link, String> {
        let config = RtcConfiguration::new();
        config.set_ice_servers(&js_sys::Array::new());
        let pc = RtcPeerConnection::new_with_configuration(&config)
            .map_err(failed("this browser has no WebRTC"))?;
        // Made on both sides at once, with the same id: no in-band announcement to wait for.
        let init = RtcDataChannelInit::new();
        init.set_negotiated(true);
        init.set_id(0);
        let channel = pc.create_data_channel_with_data_channel_dict("cme-sync", &init);
        channel.set_binary_type(RtcDataChannelType::Arraybuffer);
        let inbox: Rc<RefCell<Inbox>> = Rc::default();
        let put = inbox.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            let message = match data.as_string() {
                Some(text) => Message::Text(text),
                None => Message::Bytes(js_sys::Uint8Array::new(&data).to_vec()),
            };
            put.borrow_mut().messages.push_back(message);
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let shut = inbox.clone();
        let on_close = Closure::<dyn FnMut(JsValue)>::new(move |_| shut.borrow_mut().closed = true);
        channel.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        Ok(Link {
            pc,
            channel,
            inbox,
            _on_message: on_message,
            _on_close: on_close,
        })
    }

    /// A connection this device offers, and its description once its addresses are gathered.
    pub async fn offer() -> Result<(Link, String), String> {
        let link = Link::new()?;
        let offer = JsFuture::from(link.pc.create_offer())
            .await
            .map_err(failed("offer"))?;
        link.set_local(&offer, RtcSdpType::Offer).await?;
        let sdp = link.gathered().await?;
        Ok((link, sdp))
    }

    /// The answer to the other device's offer (`remote`, rebuilt from its card), and this
    /// device's description once its addresses are gathered.
    pub async fn answer(remote: &str) -> Result<(Link, String), String> {
        let link = Link::new()?;
        link.set_remote(remote, RtcSdpType::Offer).await?;
        let answer = JsFuture::from(link.pc.create_answer())
            .await
            .map_err(failed("answer"))?;
        link.set_local(&answer, RtcSdpType::Answer).await?;
        let sdp = link.gathered().await?;
        Ok((link, sdp))
    }

    /// The other device's answer to this device's offer.
    pub async fn accept(&self, remote: &str) -> Result<(), String> {
        self.set_remote(remote, RtcSdpType::Answer).await
    }

    async fn set_local(&self, description: &JsValue, kind: RtcSdpType) -> Result<(), String> {
        let sdp = js_sys::Reflect::get(description, &"sdp".into())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        let init = RtcSessionDescriptionInit::new(kind);
        init.set_sdp(&sdp);
        JsFuture::from(self.pc.set_local_description(&init))
            .await
            .map(|_| ())
            .map_err(failed("description"))
    }

    async fn set_remote(&self, sdp: &str, kind: RtcSdpType) -> Result<(), String> {
        let init = RtcSessionDescriptionInit::new(kind);
        init.set_sdp(sdp);
        JsFuture::from(self.pc.set_remote_description(&init))
            .await
            .map(|_| ())
            .map_err(|_| {
                "The other device's code could not be used: show both codes again.".to_string()
            })
    }

    /// This device's description once its addresses are gathered (or after a moment: host
    /// addresses come at once, and what is there by then is what the card carries).
    async fn gathered(&self) -> Result<String, String> {
        let start = now_ms();
        while self.pc.ice_gathering_state() != RtcIceGatheringState::Complete
            && now_ms() - start < f64::from(GATHERING_MS)
        {
            sleep(50).await;
        }
        self.pc
            .local_description()
            .map(|d| d.sdp())
            .ok_or_else(|| "The direct connection could not be prepared.".to_string())
    }

    /// Waits until the channel is open; an error in words after `ms`, or when the connection
    /// fails (the two devices cannot reach each other on this network).
    pub async fn opened(&self, ms: u32) -> Result<(), String> {
        let start = now_ms();
        loop {
            if self.channel.ready_state() == RtcDataChannelState::Open {
                return Ok(());
            }
            let state = self.pc.connection_state();
            let over = matches!(
                state,
                RtcPeerConnectionState::Failed | RtcPeerConnectionState::Closed
            );
            if over || now_ms() - start > f64::from(ms) {
                return Err(no_connection());
            }
            sleep(50).await;
        }
    }

    pub fn send_text(&self, text: &str) -> Result<(), String> {
        self.channel.send_with_str(text).map_err(|_| dropped())
    }

    /// Sends `text` as a file: its size first, then its bytes in chunks.
    pub async fn send_file(&self, text: &str) -> Result<(), String> {
        let bytes = text.as_bytes();
        self.send_text(&format!("{{\"file\":{}}}", bytes.len()))?;
        for chunk in bytes.chunks(CHUNK) {
            while self.channel.buffered_amount() > MOST_BUFFERED {
                if self.channel.ready_state() != RtcDataChannelState::Open {
                    return Err(dropped());
                }
                sleep(10).await;
            }
            self.channel
                .send_with_u8_array(chunk)
                .map_err(|_| dropped())?;
        }
        Ok(())
    }

    /// The next text message, within `ms`.
    pub async fn receive_text(&self, ms: u32) -> Result<String, String> {
        match self.next(ms).await? {
            Message::Text(t) => Ok(t),
            Message::Bytes(_) => Err(dropped()),
        }
    }

    /// A file sent by [`Link::send_file`], whole, within `ms` of its last chunk; a connection
    /// dropped before the last byte gives an error and nothing.
    pub async fn receive_file(&self, ms: u32) -> Result<String, String> {
        let header = self.receive_text(ms).await?;
        let size = serde_json::from_str::<serde_json::Value>(&header)
            .ok()
            .and_then(|v| v.get("file").and_then(|s| s.as_u64()))
            .ok_or_else(|| other_side(&header))? as usize;
        let mut bytes = Vec::with_capacity(size);
        while bytes.len() < size {
            match self.next(ms).await? {
                Message::Bytes(b) => bytes.extend_from_slice(&b),
                Message::Text(_) => return Err(dropped()),
            }
        }
        if bytes.len() != size {
            return Err(dropped());
        }
        String::from_utf8(bytes).map_err(|_| dropped())
    }

    async fn next(&self, ms: u32) -> Result<Message, String> {
        let start = now_ms();
        loop {
            if let Some(m) = self.inbox.borrow_mut().messages.pop_front() {
                return Ok(m);
            }
            if self.inbox.borrow().closed || now_ms() - start > f64::from(ms) {
                return Err(dropped());
            }
            sleep(10).await;
        }
    }

    pub fn close(&self) {
        self.channel.close();
        self.pc.close();
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.set_onclose(None);
        self.close();
    }
}

/// Said when no connection forms.
pub fn no_connection() -> String {
    "No direct connection formed: the two devices could not reach each other on this network (guest and hospital Wi-Fi often keep devices apart). Nothing was changed. Sync through your folder or a file instead.".into()
}

fn dropped() -> String {
    "The connection to the other device was lost before the exchange was complete; what arrived was not merged, and nothing was changed here. Try again.".into()
}

/// A message from the other side that stopped the exchange.
pub fn other_side(text: &str) -> String {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("stop").and_then(|s| s.as_str()).map(String::from))
        .map(|why| format!("The other device stopped the exchange: {why}"))
        .unwrap_or_else(dropped)
}

/// Tells the other side why the exchange stops here.
pub fn stop(link: &Link, why: &str) {
    let _ = link.send_text(&serde_json::json!({ "stop": why }).to_string());
}
