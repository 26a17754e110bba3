//! Speech cues: the speech verbs and cue phrases of `gazetteers/speech_verbs.tsv`, found
//! among the document's tokens outside quotation marks.

use crate::document::Document;
use crate::gazetteer::{FunctionClass, SpeechClass, WordTag};
use crate::lexicon::Lexicons;
use crate::lexicon::SpeechCues;
use crate::resolve::Resolution;
use crate::segment::{Token, TokenKind};
use crate::span::Walk;
use crate::Span;
use std::borrow::Cow;

/// How a cue relates to its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CueKind {
    /// A finite speech verb ("said", "wrote"): the speaker is its subject, before it, or
    /// after it in an inverted attribution ("said Deshpande").
    Verb,
    /// "told", "tells", "tell": the subject is the speaker; the name after it is the
    /// listener ("told Infobae"), never the speaker.
    Tell,
    /// An "-ing" form ("adding", "saying"): the speaker is the subject of the sentence.
    Participle,
    /// A phrase ending in "to" or "of" ("according to"): the speaker follows.
    SpeakerAfter,
    /// A phrase ending in "as saying" ("quoted Okafor as saying"): the speaker is the
    /// nearest name before it.
    SpeakerBefore,
}

/// One speech cue in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Cue {
    pub(super) span: Span,
    pub(super) kind: CueKind,
}

/// Whether `span` lies inside one of `spans` (sorted, non-overlapping).
pub(super) fn inside(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.end <= span.start);
    spans.get(i).is_some_and(|s| s.contains(span))
}

/// The word as a lexicon form: lower-case words as they are; a capitalised word only at the
/// start of a sentence.
fn form(word: &str, sentence_start: bool) -> Option<Cow<'_, str>> {
    if !word.chars().any(char::is_uppercase) {
        return Some(Cow::Borrowed(word));
    }
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    (sentence_start && first_upper && !chars.any(char::is_uppercase))
        .then(|| Cow::Owned(word.to_lowercase()))
}

/// The cue kind of a lexicon class; `None` for a class that is no cue.
fn kind_of(class: SpeechClass) -> Option<CueKind> {
    match class {
        SpeechClass::Verb => Some(CueKind::Verb),
        SpeechClass::Tell => Some(CueKind::Tell),
        SpeechClass::Participle => Some(CueKind::Participle),
        SpeechClass::SpeakerAfter => Some(CueKind::SpeakerAfter),
        SpeechClass::SpeakerBefore => Some(CueKind::SpeakerBefore),
        SpeechClass::TermMarker => None,
    }
}

/// Every cue of the document outside the spans in `quoted` (sorted), in text order.
pub(super) fn scan(doc: &Document, lex: &SpeechCues, quoted: &[Span]) -> Vec<Cue> {
    let text = doc.text();
    let toks = doc.tokens();
    let usable = |t: &Token| t.kind == TokenKind::Word && !inside(quoted, t.span);
    // The tokens are read in order, so the quotation and the sentence that may hold the
    // next one are found by walking forward, not by a search over the whole document.
    let mut quotes = Walk::new(quoted, |q: &Span| *q);
    let mut sentences = doc.sentences().iter().peekable();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        // "so-called", "self-described": a word joined by a hyphen is no cue.
        let hyphenated = i > 0 && {
            let p = toks[i - 1];
            p.span.end == t.span.start && matches!(&text[p.span], "-" | "‐")
        };
        let quoted_word = quotes
            .overlapping(t.span)
            .is_some_and(|q| q.contains(t.span));
        if t.kind != TokenKind::Word || quoted_word || hyphenated {
            i += 1;
            continue;
        }
        while sentences.next_if(|s| s.span.start < t.span.start).is_some() {}
        let at_start = sentences
            .peek()
            .is_some_and(|s| s.span.start == t.span.start && t.span.start < s.span.end);
        let first = form(&text[t.span], at_start);
        let may_phrase = first.as_deref().is_some_and(|w| lex.may_begin_phrase(w));
        let phrases = if may_phrase { &lex.phrases[..] } else { &[] };
        let matched = phrases.iter().find_map(|(p, class)| {
            if first.as_deref() != Some(p[0].as_str()) {
                return None;
            }
            let mut prev = t;
            for (k, w) in p.iter().enumerate().skip(1) {
                let next = toks.get(i + k)?;
                let gap = &text[prev.span.end..next.span.start];
                if !usable(next)
                    || gap.is_empty()
                    || !gap.chars().all(char::is_whitespace)
                    || form(&text[next.span], false).as_deref() != Some(w.as_str())
                {
                    return None;
                }
                prev = *next;
            }
            Some((i + p.len() - 1, kind_of(*class)?))
        });
        if let Some((last, kind)) = matched {
            out.push(Cue {
                span: Span::new(t.span.start, toks[last].span.end),
                kind,
            });
            i = last + 1;
            continue;
        }
        if let Some(kind) = first
            .and_then(|w| lex.verbs.get(w.as_ref()))
            .and_then(|c| kind_of(*c))
        {
            out.push(Cue { span: t.span, kind });
        }
        i += 1;
    }
    out
}

/// Verbs in the attribution slot right after a quotation, whatever the verb: English
/// inverts subject and verb, or puts a bare "name verb" after the words, only for verbs of
/// saying, so `“…,” remembered Roy Verley, a spokesman` and `“…?” Trump wondered.` are
/// attributions even when `speech_verbs.tsv` does not list the verb. The slot is: the
/// closing mark, then a name (or subject pronoun) and a past or third-person verb form, or
/// the verb and then a name; the attribution ends there (punctuation, the end of the
/// sentence follows). The words must end a clause ("…,", "…?") and the slot lie in their
/// paragraph. The verb must be a verb form in `words.tsv` and not already a cue.
pub(super) fn attribution_slots(
    doc: &Document,
    res: &Resolution,
    lex: &Lexicons,
    words: &crate::gazetteer::WordMap,
    quoted: &[Span],
    known: &[Cue],
) -> Vec<Cue> {
    let slots = Slots {
        doc,
        res,
        lex,
        words,
        text: doc.text(),
        toks: doc.tokens(),
    };
    // The known cues by start, to find the one that may hold a verb by binary search (a
    // long document has thousands of quotations and cues).
    let mut spans: Vec<Span> = known.iter().map(|c| c.span).collect();
    spans.sort_by_key(|s| s.start);
    let longest = spans.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out = Vec::new();
    for q in quoted {
        let Some(v) = slots.verb_after(q, quoted) else {
            continue;
        };
        let span = slots.toks[v].span;
        let upto = spans.partition_point(|c| c.start <= span.start);
        let inside_known = spans[..upto]
            .iter()
            .rev()
            .take_while(|c| c.start + longest >= span.start)
            .any(|c| span.end <= c.end);
        if !inside_known {
            out.push(Cue {
                span,
                kind: CueKind::Verb,
            });
        }
    }
    out
}

/// The document and lexicons read by [`attribution_slots`].
struct Slots<'a> {
    doc: &'a Document,
    res: &'a Resolution,
    lex: &'a Lexicons,
    words: &'a crate::gazetteer::WordMap,
    text: &'a str,
    toks: &'a [Token],
}

impl Slots<'_> {
    /// Whether `t` is a past or third-person verb form in lower case that `words.tsv`
    /// knows and that is no function word ("wondered", "recalls").
    fn is_verb_form(&self, t: &Token) -> bool {
        let w = &self.text[t.span];
        t.kind == TokenKind::Word
            && !w.starts_with(char::is_uppercase)
            && self
                .words
                .get(w)
                .is_some_and(|i| i.tags.has(WordTag::VerbPast) || i.tags.has(WordTag::Verb3sg))
            && self.lex.function_classes(w).is_empty()
    }

    /// The mention starting at token `i` (its last token's index), or a subject pronoun.
    fn name_at(&self, i: usize) -> Option<usize> {
        let t = self.toks.get(i)?;
        if self
            .lex
            .is(&self.text[t.span], FunctionClass::SubjectPronoun)
        {
            return Some(i);
        }
        let m = self.res.mention_at(t.span.start)?;
        (m.span.start == t.span.start).then(|| {
            let end = self.toks.partition_point(|x| x.span.start < m.span.end);
            end.saturating_sub(1)
        })
    }

    /// Whether the attribution ends at token `i`: punctuation other than an opening
    /// quotation mark, or the end of the text.
    fn closes(&self, i: usize) -> bool {
        match self.toks.get(i) {
            None => true,
            Some(t) => {
                t.kind == TokenKind::Punct && !matches!(&self.text[t.span], "“" | "\"" | "‘")
            }
        }
    }

    /// The token index of the verb in the attribution slot after the quotation `q`, if the
    /// quotation's words end a clause ("…,", "…?") and a slot follows within their
    /// paragraph: "“…,” Lee wondered." or "“…,” recalled Kim Lund, …".
    fn verb_after(&self, q: &Span, quoted: &[Span]) -> Option<usize> {
        let (text, toks) = (self.text, self.toks);
        let inner = text[q.start..q.end]
            .trim_end_matches(|c: char| !c.is_alphanumeric() && !",.?!…".contains(c));
        if !inner.ends_with([',', '.', '?', '!', '…']) {
            return None;
        }
        let doc = self.doc;
        let para_end = doc.sentence_at(q.start).map_or(text.len(), |s| {
            doc.paragraphs()[doc.sentences()[s].paragraph].end
        });
        let mut i = toks.partition_point(|t| t.span.start < q.end);
        // A comma after the closing mark ("…”, he recalled").
        if toks.get(i).is_some_and(|t| &text[t.span] == ",") {
            i += 1;
        }
        let first = toks.get(i)?;
        if inside(quoted, first.span)
            || !text[q.end..first.span.start]
                .trim_matches(',')
                .trim()
                .is_empty()
        {
            return None;
        }
        let verb = if let Some(last) = self.name_at(i) {
            // "Trump wondered."
            toks.get(last + 1)
                .filter(|v| self.is_verb_form(v) && self.closes(last + 2))
                .map(|_| last + 1)
        } else if self.is_verb_form(first) {
            // "remembered Roy Verley, …"
            self.name_at(i + 1)
                .filter(|&last| self.closes(last + 1))
                .map(|_| i)
        } else {
            None
        };
        verb.filter(|&v| toks[v].span.end <= para_end)
    }
}
