/**
 * Word lists for reading who a speaker is. They hold newsroom conventions (titles before names,
 * the nouns that make a name an organisation, the groups reporters quote) rather than general
 * English, which compromise covers.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/u).filter(Boolean));

/** Capitalised words that stand before a name as a title, not as part of it. */
export const TITLES = words(`
	president vice prime minister secretary secretary-general state general attorney sen. senator rep.
	representative congressman congresswoman gov. governor mayor judge justice chief officer inspector
	detective det. sgt. sergeant lt. lieutenant capt. captain col. colonel gen. maj. major admiral adm.
	cmdr. commander superintendent supt. commissioner ambassador chancellor chairman chairwoman chair
	director deputy assistant foreign defence defense finance health interior energy home trade economy
	education transport environment labour labor speaker leader dr. dr mr. mr mrs. mrs ms. ms miss mx sir
	dame lord lady baroness baron prof. professor rev. reverend father pope king queen prince princess
	sheikh ayatollah emir crown coach manager pastor rabbi imam bishop archbishop cardinal dean pvt.
	private cpl. corporal ceo founder spokesman spokeswoman spokesperson premier treasurer auditor
	councillor councilor alderman chief-executive executive mp mep msp senior acting interim former
	first lady ex-president ex-minister presidential national security adviser advisor counsel envoy
	special solicitor doctor datuk datin dato seri head
`);

/** Words that make a capitalised name an organisation's. */
export const ORGANISATION_WORDS = words(`
	ministry department police office army command agency council committee party commission government
	administration court university college school hospital company inc inc. corp corp. corporation ltd
	llc plc group bank fund association union service services force forces guard institute foundation
	centre center organisation organization authority authorities board bureau network news times post
	journal press navy fleet corps club league federation coalition alliance movement front church trust
	kremlin pentagon congress senate parliament cabinet embassy tribunal prosecutors prosecutor's media
	militia brigade brigades regiment airline airlines airways motors team fc campaign secretariat
	directorate mission delegation military ministries house assembly commons lords council's firm
	consulate institution observatory monitor watchdog regulator exchange reserve fed nhs un eu nato
	fbi cia bbc cnn reuters afp ap ministry's office's government's spokesman's
`);

/** Nouns that say the name after them is a business: "the appliance maker Brightway". */
export const COMPANY_NOUNS = words(`
	maker company firm retailer carmaker automaker manufacturer group giant chain operator airline bank insurer
	lender producer supplier developer startup start-up conglomerate broadcaster publisher network brand
	supermarket grocer distributor exporter importer miner refiner utility
`);

/** Lower-case heads of a phrase that stands for an organisation already named ("the ministry said"). */
export const ORGANISATION_HEADS = words(`
	ministry force company firm agency department government office party group army military police
	embassy administration council committee court campaign team club union authorities kremlin
	pentagon organisation organization board bureau network newspaper broadcaster agency's regulator
	watchdog charity hospital university school airline bank fund alliance coalition service command
`);

/** Nouns for people that a definite description points back with ("the president said"). */
export const PERSON_HEADS = words(`
	president minister secretary senator governor mayor judge officer inspector detective chief
	commissioner ambassador chancellor chairman chairwoman director spokesman spokeswoman spokesperson
	leader ceo executive founder premier official diplomat general admiral commander lawyer attorney
	prosecutor coach manager player actor actress singer star author writer doctor scientist professor
	researcher economist analyst expert activist campaigner candidate lawmaker legislator congressman
	congresswoman representative mp politician pope king queen prince princess emir sheikh ayatollah
	billionaire businessman businesswoman entrepreneur owner driver pilot captain woman man boy girl
	teenager mother father son daughter wife husband brother sister widow victim witness suspect
	resident survivor veteran soldier teacher student nurse priest bishop rabbi imam pastor journalist
	reporter host presenter envoy adviser advisor aide negotiator spokeswoman 80-year-old source
`);

/** Groups reporters quote as such; capitalised only at the start of a sentence. */
export const GROUPS = words(`
	police officials witnesses residents authorities experts analysts critics doctors officers firefighters
	investigators prosecutors lawyers sources diplomats observers activists protesters organisers organizers
	scientists researchers economists medics paramedics rescuers troops soldiers villagers neighbours
	neighbors relatives family friends colleagues others many some both campaigners parents students
	teachers workers staff employees officials' people locals survivors families mps meps msps
	councillors councilors lawmakers legislators senators ministers
`);

/** Parts of a name that are written in lower case: "Ursula von der Leyen", "Luiz Inácio Lula da Silva". */
export const NAME_PARTICLES = words(
	'de da del della der den di do dos du la le van von bin ibn al el ter ten y',
);

export const DETERMINERS = words(
	'a an the his her its their our my your one another some two three four five several many this that these those',
);

export const PRONOUNS: ReadonlyMap<string, 'male' | 'female' | 'neuter' | 'plural'> = new Map([
	['he', 'male'],
	['she', 'female'],
	['it', 'neuter'],
	['they', 'plural'],
]);
