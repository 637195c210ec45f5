package rules

import (
	"fmt"
	"strings"
)

// EventRules is the event ontology (types), the trigger rules that find
// events, the cue words that set modality, and the merge criteria.
type EventRules struct {
	Types    []EventType
	Rules    []EventRule
	Forms    map[string][]string // irregular inflections: lemma -> forms
	Modality []ModalityCue
	Places   PlaceCues
	Speakers SpeakerCues
	Attach   AttachRules
	Roles    RoleCues
	Groups   GroupCues
	Actors   ActorCues
	Merge    MergeRules
	Anaphora AnaphoraRules
	// Pos holds each rule's and type's position, by id, for messages.
	Pos map[string]Pos
}

// EventType is one type of the ontology.
type EventType struct {
	ID          string `yaml:"id"`
	Label       string `yaml:"label"`
	CAMEO       string `yaml:"cameo"` // CAMEO root or sub code ("" when CAMEO has none)
	Description string `yaml:"description"`
}

// EventRule finds one kind of trigger.
type EventRule struct {
	ID   string `yaml:"id"`
	Type string `yaml:"type"`
	// Class is "content" (the event itself) or "speech" (a speech act that
	// can report a content event and lend it its time).
	Class string `yaml:"class"`
	// Verbs are lemmas; their inflections are generated (plus Forms).
	Verbs []string `yaml:"verbs"`
	// Nouns are singular nouns; plurals are generated.
	Nouns []string `yaml:"nouns"`
	// Phrases are exact word sequences, lower case, matched as tokens.
	Phrases []string `yaml:"phrases"`
	// Named lets a noun count when capitalised as the last word of an
	// event's name ("the Orange Revolution"), which the tagger reads as a
	// proper noun.
	Named bool `yaml:"named"`
	// Requires lists words one of which must appear within Window tokens of
	// the trigger ("troops" for "massed").
	Requires []string `yaml:"requires"`
	// Excludes lists words that veto the trigger when found within Window
	// tokens before or after it ("panic attack", "meet standards").
	Excludes []string `yaml:"excludes"`
	// ExcludesBefore veto the trigger only before it, within Window: a
	// passive "was reported", not "reported it was".
	ExcludesBefore []string `yaml:"excludes_before"`
	Window         int      `yaml:"window"`
	// Priority breaks ties when two triggers compete for one time expression.
	Priority int `yaml:"priority"`
	// Recast gives the event another type when the discourse says which
	// kind it is ("the vote" after "the referendum").
	Recast *Recast `yaml:"recast"`
	// Patients gives the event another type when what the trigger acts
	// on is one of these nouns or a person: people seized are detained.
	Patients *Patients      `yaml:"patients"`
	Examples []EventExample `yaml:"examples"`
	Pos      Pos            `yaml:"-"`
}

// EventExample is a sentence a rule must (or must not) fire on.
type EventExample struct {
	Text      string `yaml:"text"`
	Published string `yaml:"published"`
	Fires     *bool  `yaml:"fires"`
	Trigger   string `yaml:"trigger"`  // expected trigger text, when it fires
	Date      string `yaml:"date"`     // expected event date, when given
	Modality  string `yaml:"modality"` // expected modality, when given
	// Dates, when given, are every date the rule's mentions (of Trigger)
	// give, in any order: "met on Monday and again on Thursday" gives two.
	Dates []string `yaml:"dates"`
	// Checked by the events package's tests (the pipeline's example check
	// reads the fields above): the type, actors, targets, places, groups, source and roles
	// of the rule's first dated mention, and NoEvent for an example whose
	// trigger fires but must give no dated event.
	Type    string            `yaml:"type"`
	Actors  []string          `yaml:"actors"`
	Targets []string          `yaml:"targets"`
	Groups  []string          `yaml:"groups"`
	Places  []string          `yaml:"places"`
	Source  *string           `yaml:"source"`
	Roles   map[string]string `yaml:"roles"`
	NoEvent bool              `yaml:"no_event"`
	Realis  bool              `yaml:"realis"` // no modality at all
}

// Recast is a second type for a rule's events, chosen by the words the
// article used last: a trigger takes Type when the last of Context said
// before it (in its sentence or earlier ones) comes after the last of
// Unless, and its own sentence says none of Unless.
type Recast struct {
	Type    string   `yaml:"type"`
	Context []string `yaml:"context"`
	Unless  []string `yaml:"unless"`
}

// Patients is a second type for a rule's events, chosen by what the
// trigger acts on: the object of an active verb, the subject of a passive
// one ("67 police officers ... after being captured").
type Patients struct {
	Type  string   `yaml:"type"`
	Nouns []string `yaml:"nouns"` // singular or plural; plurals are generated
}

// RoleCues find the title or office the text gives a person: a title
// before the name ("Interior Minister Arsen Avakov") or an apposition after
// it ("Mykhailo Podolyak, a senior aide to Zelenskyy,").
type RoleCues struct {
	// Heads are the nouns that end a title ("minister", "secretary").
	Heads []string `yaml:"heads"`
	// Modifiers may stand before a head inside a title ("foreign", "acting").
	Modifiers []string `yaml:"modifiers"`
	// Honorifics are titles that give no role ("Mr", "Dr").
	Honorifics []string `yaml:"honorifics"`
}

// GroupCues find the side a text gives by a common noun rather than a name
// ("the protesters", "pro-Russian separatists", "opposition medics").
type GroupCues struct {
	// Heads are the singular nouns (plurals are generated) that can head a
	// group that acts.
	Heads []string `yaml:"heads"`
	// Quantities head a phrase whose "of" complement is the group ("dozens
	// of protesters", "a crowd of activists").
	Quantities []string `yaml:"quantities"`
	// Approximators open a count ("at least 127 casualties", "more than
	// 50 people"): their preposition governs no phrase.
	Approximators []string `yaml:"approximators"`
}

// ActorCues find who acts when the trigger's own clause does not say.
type ActorCues struct {
	// NamingVerbs rename the noun phrase they govern: in "launched what it
	// calls a special military operation" the operation is what was
	// launched.
	NamingVerbs []string `yaml:"naming_verbs"`
	// RelativeAdverbs after a comma open a relative clause of the noun
	// before them ("in Ukraine, where demonstrators forced the president
	// from power"): background, not what a speech act reports.
	RelativeAdverbs []string `yaml:"relative_adverbs"`
	// PossessedPatients are event nouns whose possessor undergoes the event
	// ("Tymoshenko's release", "Yanukovych's ouster"), where another noun's
	// possessor does it ("Russia's invasion", "Yanukovych's resignation").
	PossessedPatients []string `yaml:"possessed_patients"`
}

// ModalityCue sets a mention's modality when one of its words stands within
// Window tokens before (or, with After, after) the trigger.
type ModalityCue struct {
	ID       string   `yaml:"id"`
	Modality string   `yaml:"modality"`
	Words    []string `yaml:"words"`
	Window   int      `yaml:"window"`
	After    bool     `yaml:"after"`
	Sentence bool     `yaml:"sentence"` // anywhere in the sentence
	Around   bool     `yaml:"around"`   // within Window before or after the trigger
	// Kinds limits the cue to triggers of these forms (verb, noun, phrase).
	Kinds []string `yaml:"kinds"`
	// Reverses names cues this one undoes: its words (a reversal, "reversed",
	// "lifted") sets no modality of its own; standing within Window tokens
	// before the word of a named cue, in the phrase that the reversal governs
	// ("reversed its policy of not sending weapons"), it hands the trigger
	// the reversal's own modality instead.
	Reverses []string `yaml:"reverses"`
	// Implicatives are verbs (lemmas) that say their infinitive happened
	// when they did ("began to rebuild", "worked on Thursday to rebuild"):
	// a cue whose words stand right after one of them (adverbs and times
	// between) hands the trigger that verb's own modality instead.
	Implicatives []string `yaml:"implicatives"`
	// ObjectImplicatives do so with their object between: "forced Russia
	// to sign a treaty", "compelled the army to withdraw".
	ObjectImplicatives []string `yaml:"object_implicatives"`
	Pos                Pos      `yaml:"-"`
}

// PlaceCues are the prepositions that make a place name a location rather
// than an actor ("in Moscow" vs "Moscow said").
type PlaceCues struct {
	Prepositions []string `yaml:"prepositions"`
	// Modifiers may stand between the preposition and the name ("in the
	// city of"); so may words with one of ModifierSuffixes ("eastern").
	Modifiers        []string `yaml:"modifiers"`
	ModifierSuffixes []string `yaml:"modifier_suffixes"`
	// Obliques are prepositions whose name is no subject though it is no
	// place either: a name after one before the trigger is acted on or for
	// ("assistance for Ukraine", "talks with Putin").
	Obliques []string `yaml:"obliques"`
	// Qualifiers and QualifierSuffixes join a name into a word that only
	// qualifies a side ("pro-Russia", "Moscow-backed"): it takes no part.
	Qualifiers        []string `yaml:"qualifiers"`
	QualifierSuffixes []string `yaml:"qualifier_suffixes"`
	// Adjuncts are prepositions of an adjunct whose event the clause's
	// subject takes part in ("Biden warned Russia during a visit to
	// Kiev", "In a call to Lavrov, Kerry underscored"): a noun trigger
	// after one, with no actor of its own, takes that subject.
	Adjuncts []string `yaml:"adjuncts"`
	// SupportVerbs (forms) take a noun trigger as their object and lend it
	// their subject as actor: "Biden held a virtual summit with Putin".
	SupportVerbs []string `yaml:"support_verbs"`
	// Purposes are prepositions of a purpose after a support verb's object:
	// a noun trigger after one takes that verb's subject as actor ("made
	// visits to Ukraine for talks with Zelensky").
	Purposes []string `yaml:"purposes"`
	// MotionVerbs (forms) lend their subject to a noun trigger that is
	// their purpose, after the phrases of where and when ("a delegation
	// was traveling to Moscow on Monday for negotiations").
	MotionVerbs []string `yaml:"motion_verbs"`
	// PlaceNouns (singular; plurals are generated) make the country of a
	// demonym before them a place: "in 54 Russian cities", "on Ukrainian
	// soil".
	PlaceNouns []string `yaml:"place_nouns"`
	// Destinations are the prepositions of a verb of motion's goal: its
	// place is where the noun of its purpose happens ("traveled to Moscow
	// for talks"); an origin ("from") is none.
	Destinations []string `yaml:"destinations"`
}

// AttachRules say which verbs let a time expression through to a trigger
// beyond them: any other verb in between takes the time for its own clause.
type AttachRules struct {
	// Transparent are word sequences that only say an event happened
	// ("talks, which took place last week").
	Transparent []string `yaml:"transparent"`
	// Auxiliaries never take a time of their own.
	Auxiliaries []string `yaml:"auxiliaries"`
	// Subordinators open a clause of their own ("since", "which"): a verb
	// after one takes the time for that clause.
	Subordinators []string `yaml:"subordinators"`
	// Relatives open a relative clause (", which must be agreed"): a
	// trigger inside one takes no time named before it, its actor is the
	// name the clause follows, and modality cues do not reach across them.
	Relatives []string `yaml:"relatives"`
	// Deadlines introduce a time by which something is due ("elections by
	// December"): it dates only what is planned, and is lent to no other
	// event of the sentence.
	Deadlines []string `yaml:"deadlines"`
	// Spans introduce the start of a period ("since Tuesday"): it dates no
	// speech act and no noun ("the death toll since Tuesday"), only a verb
	// of a state begun then ("have blockaded buildings since Sunday").
	Spans []string `yaml:"spans"`
	// Anchors after an anaphoric time ("the day after the UK announced")
	// count it from another event: it dates nothing.
	Anchors []string `yaml:"anchors"`
	// Offsets date an event counted from the main clause's ("a day after
	// the US announced", "two days before the vote").
	Offsets Offsets `yaml:"offsets"`
	// Lede is how many of an article's first body sentences report the
	// day's news when told in the present perfect with no time ("The US
	// has imposed sanctions on ..."): they are dated on the publication
	// day, until the article names a time. 0 turns this off.
	Lede int `yaml:"lede"`
	// Dateline: a time opening a sentence before a colon, after one of
	// Prefixes and before any of Zones ("UPDATE 11:47 AM ET: Tymoshenko
	// says", "— 9:30 a.m. ET: Steinmeier issues a statement"), dates the
	// entry it heads, as a fronted time does.
	Dateline Dateline `yaml:"dateline"`
	// Coordination: a trigger told with two times joined by a coordinator
	// ("met on Monday and again on Thursday") happened at both.
	Coordination Coordination `yaml:"coordination"`
}

// Coordination says when two time expressions of one trigger are two
// happenings: the trigger gives a mention for each.
type Coordination struct {
	// Coordinators (word sequences) join the two times: "and", "and then".
	Coordinators []string `yaml:"coordinators"`
	// Links are the prepositions that may open the second time ("and
	// again on Thursday").
	Links []string `yaml:"links"`
	// Periods before the first time make the two one period ("between
	// Monday and Wednesday").
	Periods []string `yaml:"periods"`
}

// Offsets say how an event told after "a day after", "two days before"
// is dated: the main clause's date, less (after) or plus (before) the
// count, at the unit's precision.
type Offsets struct {
	// After and Before are the words (or word sequences) that follow the
	// count: what comes after "after" happened before the main clause.
	After  []string `yaml:"after"`
	Before []string `yaml:"before"`
	// Units maps a precision (day, week, month, year) to the singular
	// nouns that count it after "the" ("the day after", "the night
	// before"); their plurals without a count ("days after") date nothing.
	Units map[string][]string `yaml:"units"`
	// SameDay are bare plurals that count within the day ("hours after").
	SameDay []string `yaml:"same_day"`
	// Spans before the phrase make it a period, no point: "for two weeks
	// before the vote".
	Spans []string `yaml:"spans"`
	// Present lists verbs whose present tense tells the day's news ("The
	// move comes a day after"): without a time, the main clause's day is
	// the narrative's, else the publication day.
	Present []string `yaml:"present"`
}

// Dateline is what may stand around a live blog's time stamp.
type Dateline struct {
	Prefixes []string `yaml:"prefixes"`
	Zones    []string `yaml:"zones"`
}

// AnaphoraRules say when a definite event noun with no time of its own
// ("the summit", "that meeting") refers back to an event of its type the
// article told and dated shortly before, and takes that event's date.
type AnaphoraRules struct {
	// Window is how many sentences back the event told may stand; a
	// heading ends it.
	Window int `yaml:"window"`
	// Determiners make the noun definite; one must stand before it.
	Determiners []string `yaml:"determiners"`
	// Nouns (word forms, matched on the trigger's last word) can refer
	// back; open-ended states ("the war", "the crisis") are not among them.
	Nouns []string `yaml:"nouns"`
	// Lasting nouns refer back but lend no date to what happened "during"
	// or "in" them: they last more than a day ("killed during the invasion").
	Lasting []string `yaml:"lasting"`
	// Blockers between the determiner and the noun make it another event
	// ("the next summit", "the new talks", "the ongoing assault").
	Blockers []string `yaml:"blockers"`
	// Indefinites introduce a new event ("a summit", "another meeting"):
	// told without a date, it leaves "the summit" after it ambiguous, as a
	// verb told without one does ("Biden also met Xi").
	Indefinites []string `yaml:"indefinites"`
	// Prepositions right before the determiner lend the date to the
	// trigger the phrase dates, as a time expression there would ("at the
	// summit, Biden warned").
	Prepositions []string `yaml:"prepositions"`
	// Equivalents are sets of types a noun of one may refer back to an
	// event of another with ("the talks" after a video call).
	Equivalents [][]string `yaml:"equivalents"`
}

// SpeakerCues resolve who speaks: a personal pronoun next to a speech verb
// ("he said") stands for the last person named before it.
type SpeakerCues struct {
	Pronouns []string `yaml:"pronouns"`
	// Inverted are the speech verb forms a speaker may follow ("said
	// Kerry"); after any other ("told Kerry", "urged Russian leaders") the
	// name is the addressee.
	Inverted []string `yaml:"inverted"`
	// GroupPronouns ("it said", "they announced") stand for the sentence's
	// first name that can act.
	GroupPronouns []string `yaml:"group_pronouns"`
	// Reporters are the heads of a title that makes a person the outlet's
	// own voice ("CBS News correspondent Elizabeth Palmer"), as does a news
	// medium's possessive ("NPR's Soraya Sarhaddi Nelson"): what they say
	// is the article's narrative, no statement of theirs.
	Reporters []string `yaml:"reporters"`
	// Documents are nouns of a text that speaks for its author: "The White
	// House has released a statement that says ...": the statement's
	// author says it.
	Documents []string `yaml:"documents"`
	// Possessives opening a clause's subject ("that its forces had
	// regained control") stand for the sentence's first name that can act.
	Possessives []string `yaml:"possessives"`
	// Unnamed are the nouns of a speaker the text does not name; a seat
	// of government or a country right after one with "in" gives the
	// speaker's side ("a top official in Moscow said": Russia).
	Unnamed []string `yaml:"unnamed"`
}

// MergeRules say when two mentions report the same happening.
type MergeRules struct {
	// Groups are sets of types that may merge with each other (a warning and
	// a statement by the same person on the same day).
	Groups [][]string `yaml:"groups"`
	// RequireOverlap: mentions must share an actor, a place or a trigger lemma.
	RequireOverlap bool `yaml:"require_overlap"`
	// BySpeaker are the types identified by who speaks: their mentions
	// merge only when they have the same speaker (source), never on the
	// trigger ("said") or on other names.
	BySpeaker []string `yaml:"by_speaker"`
	// IgnoreActors are actors too common to prove two mentions are the same
	// event on their own ("Russia", "Ukraine").
	IgnoreActors []string `yaml:"ignore_actors"`
	// TriggerNeedsCommonName: the same trigger joins two mentions that
	// both name participants (actors or targets) only when they have a
	// name in common (actor, target or place), even a common one: "Biden
	// met Scholz" and "Putin met Lukashenko" are two meetings. A mention
	// that names no participant still joins on its trigger alone.
	TriggerNeedsCommonName bool `yaml:"trigger_needs_common_name"`
	// SameArticleCommonName: within one article, two mentions of one date
	// whose types may merge are one happening when they share any actor or
	// target, even a common one, and do not name disjoint places ("Russian
	// and Ukrainian delegates have sat down for a third round of talks",
	// "the two sides met for a third round of talks in Belarus").
	SameArticleCommonName bool `yaml:"same_article_common_name"`
	// AnonymousSingle: a report that names nobody and nowhere joins the
	// only other event of its type and date.
	AnonymousSingle AnonymousSingleRules `yaml:"anonymous_single"`
	// Conflicts join one happening reported with different dates.
	Conflicts ConflictRules `yaml:"conflicts"`
}

// AnonymousSingleRules say when a report that names nobody and nowhere
// ("25 people were killed last week") joins an event of other articles
// ("the deaths of protesters in Kiev last week"): when, among the events
// the other criteria make of its date, that event is the only other one
// with a mention of its type, and none of its mentions comes from the
// report's articles. With two such events nothing tells which one it is,
// and it stays apart.
type AnonymousSingleRules struct {
	// Types that join this way (speech acts never do: they are told
	// apart by their speaker).
	Types []string `yaml:"types"`
}

// ConflictRules say when two events with different dates are one happening.
type ConflictRules struct {
	// MaxApart is, per precision (day, week, month, year), how many units
	// apart the dates may be. A precision not listed never conflicts.
	MaxApart map[string]int `yaml:"max_apart"`
	// ExcludeTypes never conflict (speech acts recur).
	ExcludeTypes []string `yaml:"exclude_types"`
}

func loadEvents(src *Source) (*EventRules, Errors) {
	var errs Errors
	out := &EventRules{Forms: map[string][]string{}, Pos: map[string]Pos{}}
	var types idList[EventType]
	var rules idList[EventRule]
	var cues idList[ModalityCue]
	for _, d := range src.Docs("events.yaml") {
		top, err := parseDoc(d)
		if err != nil {
			errs = append(errs, eventsFileErr(d.Name, err))
			continue
		}
		secs, e := sections(d.Name, top, "types", "rules", "forms", "modality", "places", "speakers", "attach", "roles", "groups", "actors", "merge", "anaphora")
		errs = append(errs, e...)
		errs = append(errs, eachItem(d.Name, secs["types"].value, func(p Pos, t *EventType) {
			if e := types.put(t.ID, p, *t); e != nil {
				errs = append(errs, e)
			}
		})...)
		errs = append(errs, eachItem(d.Name, secs["rules"].value, func(p Pos, r *EventRule) {
			r.Pos = p
			if e := rules.put(r.ID, p, *r); e != nil {
				errs = append(errs, e)
			}
		})...)
		errs = append(errs, eachItem(d.Name, secs["modality"].value, func(p Pos, c *ModalityCue) {
			c.Pos = p
			if e := cues.put(c.ID, p, *c); e != nil {
				errs = append(errs, e)
			}
		})...)
		if s, ok := secs["forms"]; ok {
			var forms map[string][]string
			if err := decodeStrict(d.Name, s.value, &forms); err != nil {
				errs = append(errs, eventsFileErr(d.Name, err))
			}
			for k, v := range forms {
				out.Forms[k] = v
			}
		}
		if s, ok := secs["places"]; ok {
			if err := decodeStrict(d.Name, s.value, &out.Places); err != nil {
				errs = append(errs, eventsFileErr(d.Name, err))
			}
		}
		if s, ok := secs["attach"]; ok {
			if err := decodeStrict(d.Name, s.value, &out.Attach); err != nil {
				errs = append(errs, eventsFileErr(d.Name, err))
			}
		}
		if s, ok := secs["roles"]; ok {
			if err := decodeStrict(d.Name, s.value, &out.Roles); err != nil {
				errs = append(errs, eventsFileErr(d.Name, err))
			}
		}
		if s, ok := secs["groups"]; ok {
			if err := decodeStrict(d.Name, s.value, &out.Groups); err != nil {
				errs = append(errs, eventsFileErr(d.Name, err))
			}
		}
		if s, ok := secs["actors"]; ok {
			if err := decodeStrict(d.Name, s.value, &out.Actors); err != nil {
				errs = append(errs, eventsFileErr(d.Name, err))
			}
		}
		if s, ok := secs["speakers"]; ok {
			if err := decodeStrict(d.Name, s.value, &out.Speakers); err != nil {
				errs = append(errs, eventsFileErr(d.Name, err))
			}
		}
		if s, ok := secs["anaphora"]; ok {
			if err := decodeStrict(d.Name, s.value, &out.Anaphora); err != nil {
				errs = append(errs, eventsFileErr(d.Name, err))
			}
		}
		if s, ok := secs["merge"]; ok {
			if err := decodeStrict(d.Name, s.value, &out.Merge); err != nil {
				errs = append(errs, eventsFileErr(d.Name, err))
			}
		}
	}
	out.Types, out.Rules, out.Modality = types.items, rules.items, cues.items
	known := map[string]bool{}
	for i, t := range out.Types {
		out.Pos["type:"+t.ID] = types.pos[i]
		known[t.ID] = true
		if t.Description == "" {
			errs = append(errs, &Error{Pos: types.pos[i], Rule: t.ID, Msg: "event type has no description"})
		}
	}
	for _, r := range out.Rules {
		out.Pos[r.ID] = r.Pos
		errs = append(errs, validateEventRule(r, known)...)
	}
	errs = append(errs, validateCues(out.Modality)...)
	for _, g := range out.Merge.Groups {
		for _, t := range g {
			if !known[t] {
				errs = append(errs, &Error{Pos: Pos{File: "events.yaml"}, Msg: fmt.Sprintf("merge group names undefined type %q", t)})
			}
		}
	}
	bySpeaker := map[string]bool{}
	for _, t := range out.Merge.BySpeaker {
		bySpeaker[t] = true
	}
	for _, t := range out.Merge.AnonymousSingle.Types {
		switch {
		case !known[t]:
			errs = append(errs, &Error{Pos: Pos{File: "events.yaml"}, Msg: fmt.Sprintf("merge anonymous_single names undefined type %q", t)})
		case bySpeaker[t]:
			errs = append(errs, &Error{Pos: Pos{File: "events.yaml"}, Msg: fmt.Sprintf("merge anonymous_single names %q, a type told apart by its speaker", t)})
		}
	}
	for _, g := range out.Anaphora.Equivalents {
		for _, t := range g {
			if !known[t] {
				errs = append(errs, &Error{Pos: Pos{File: "events.yaml"}, Msg: fmt.Sprintf("anaphora equivalents name undefined type %q", t)})
			}
		}
	}
	for u := range out.Attach.Offsets.Units {
		switch u {
		case "day", "week", "month", "year":
		default:
			errs = append(errs, &Error{Pos: Pos{File: "events.yaml"}, Msg: fmt.Sprintf("attach offsets: unit %q is none of day, week, month, year", u)})
		}
	}
	if out.Anaphora.Window < 0 {
		errs = append(errs, &Error{Pos: Pos{File: "events.yaml"}, Msg: "anaphora window must not be negative"})
	}
	return out, errs
}

// validateCues checks that a reversal names known cues and sets no
// modality of its own.
func validateCues(cues []ModalityCue) Errors {
	var errs Errors
	ids := map[string]bool{}
	for _, c := range cues {
		ids[c.ID] = true
	}
	for _, c := range cues {
		bad := func(format string, a ...any) {
			errs = append(errs, &Error{Pos: c.Pos, Rule: c.ID, Msg: fmt.Sprintf(format, a...)})
		}
		if len(c.Words) == 0 {
			bad("modality cue has no words")
		}
		if c.Sentence && (c.After || c.Around) || c.After && c.Around {
			bad("a modality cue reads one of after, around or sentence")
		}
		if len(c.Implicatives)+len(c.ObjectImplicatives) > 0 && len(c.Reverses) > 0 {
			bad("a reversal (reverses) takes no implicatives")
		}
		if len(c.Reverses) == 0 {
			if c.Modality == "" {
				bad("modality cue needs a modality (or reverses)")
			}
			continue
		}
		if c.Modality != "" || c.After || c.Sentence || c.Around || len(c.Kinds) > 0 {
			bad("a reversal (reverses) takes no modality, after, sentence, around or kinds")
		}
		if c.Window <= 0 {
			bad("a reversal needs a positive window")
		}
		for _, id := range c.Reverses {
			if !ids[id] || id == c.ID {
				bad("reverses unknown modality cue %q", id)
			}
		}
	}
	return errs
}

func validateEventRule(r EventRule, known map[string]bool) Errors {
	var errs Errors
	bad := func(format string, a ...any) {
		errs = append(errs, &Error{Pos: r.Pos, Rule: r.ID, Msg: fmt.Sprintf(format, a...)})
	}
	if !known[r.Type] {
		bad("undefined event type %q", r.Type)
	}
	if r.Recast != nil && (!known[r.Recast.Type] || len(r.Recast.Context) == 0) {
		bad("recast needs a defined type and context words")
	}
	if r.Patients != nil && (!known[r.Patients.Type] || len(r.Patients.Nouns) == 0) {
		bad("patients needs a defined type and nouns")
	}
	if r.Class != "content" && r.Class != "speech" {
		bad("class must be content or speech, not %q", r.Class)
	}
	if len(r.Verbs)+len(r.Nouns)+len(r.Phrases) == 0 {
		bad("no verbs, nouns or phrases: the rule can never fire")
	}
	for _, w := range append(append(append([]string{}, r.Verbs...), r.Nouns...), r.Phrases...) {
		if strings.TrimSpace(w) == "" || w != strings.ToLower(w) {
			bad("trigger %q must be non-empty lower case", w)
		}
	}
	if r.Named && len(r.Nouns) == 0 {
		bad("named needs nouns")
	}
	if (len(r.Requires) > 0 || len(r.Excludes) > 0 || len(r.ExcludesBefore) > 0) && r.Window <= 0 {
		bad("requires/excludes need a positive window")
	}
	fires, quiet := 0, 0
	for _, ex := range r.Examples {
		switch {
		case ex.Text == "":
			bad("example without text")
		case ex.Fires == nil:
			bad("example %q must say fires: true or false", ex.Text)
		case *ex.Fires:
			fires++
		default:
			quiet++
		}
	}
	if fires == 0 {
		bad("needs at least one example that fires")
	}
	if quiet == 0 {
		bad("needs at least one example that must not fire")
	}
	return errs
}

// eventsFileErr turns any error into a positioned *Error for file.
func eventsFileErr(file string, err error) *Error {
	if e, ok := err.(*Error); ok {
		return e
	}
	return &Error{Pos: Pos{File: file}, Msg: err.Error()}
}
