// Answers that make every step and every conditional question of the example forms appear, step by
// step, as a user types them. Plain data, so Node scripts (screenshots, embed tests) and browser tests
// share one copy.
export const fullAnswers: Record<string, Record<string, Record<string, unknown>>> = {
  kontakt: {
    'om-deg': { navn: 'Kari Nordmann', fodselsnummer: '01010000110', telefon: '912 34 567', epost: 'kari@example.no' },
    henvendelse: {
      tema: 'annet',
      'tema-annet': 'Strømregningen',
      beskrivelse: 'Jeg har ikke råd til strøm denne måneden.',
      kanal: 'telefon',
      tolk: 'true',
      tolkesprak: 'ar',
    },
    samtykke: { samtykke: true },
  },
  stotte: {
    situasjon: {
      arbeid: ['deltid'],
      inntekt: '9 500',
      adresse: { street: 'Storgata 1', postcode: '0155', city: 'Oslo' },
      konto: '8601 11 17947',
    },
    husstand: {
      'har-barn': 'true',
      barn: [{ 'barn-navn': 'Bo', 'barn-fodt': '17.05.2015', 'bor-fast': 'false', samvaer: '40' }],
      bosituasjon: 'leier',
    },
    husleie: { husleie: '8 000', personer: '2' },
    vedlegg: { dokumenter: { husleiekontrakt: 'uploaded', lonnsslipp: 'later', kontoutskrift: 'missing' } },
  },
  // A working, married parent who rents and studies, with savings and debt, who says no to fetching data:
  // every step and every question and document that can appear together.
  sosialhjelp: {
    personalia: {
      navn: 'Kari Nordmann',
      adresse: { street: 'Storgata 1', postcode: '0155', city: 'Oslo' },
      telefon: '912 34 567',
      kontonummer: '8601 11 17947',
    },
    begrunnelse: {
      'soker-om': ['husleie', 'strom', 'annet'],
      'soker-om-annet': 'Tannlege',
      'hva-skjedde': 'Jeg ble syk og mistet jobben.',
      'hva-trenger': 'Penger til husleie.',
      'noe-mer': 'Jeg har vondt i ryggen.',
      'hjelp-i-dag': 'true',
    },
    'arbeid-og-utdanning': {
      jobb: 'deltid',
      arbeidsgiver: 'Rema 1000',
      lonn: '6 500',
      student: 'true',
      'student-type': 'student',
      'studie-omfang': 'deltid',
    },
    familie: {
      sivilstatus: 'gift',
      'partner-navn': 'Ola Nordmann',
      'partner-fodt': '02.03.1988',
      'bor-sammen': 'false',
      'har-barn': 'true',
      barn: [{ 'barn-navn': 'Bo', 'barn-fodt': '17.05.2015', 'barn-bor-hos-deg': 'false', samvaer: '40' }],
      barnebidrag: 'begge',
      'bidrag-betaler': '1 200',
      'bidrag-mottar': '1 800',
    },
    bosituasjon: { bosituasjon: 'leier', 'antall-personer': '2' },
    'inntekt-og-formue': {
      'ytelser-nav': 'true',
      'ytelser-hvilke': ['barnetrygd'],
      'samtykke-skatt': 'false',
      bostotte: 'true',
      'samtykke-husbanken': 'false',
      studielan: 'true',
      'studielan-belop': '11 000',
      innskudd: ['brukskonto', 'sparekonto'],
      'saldo-brukskonto': '300',
      'saldo-sparing': '25 000',
      'sparing-forklaring': 'Pengene er bundet i ett år.',
      verdier: ['annet'],
      'verdier-annet': 'En gammel moped',
      'annen-inntekt': ['gave'],
      'annen-inntekt-belop': '2 000',
    },
    'utgifter-og-gjeld': {
      husleie: '9 500',
      'betaler-strom': 'true',
      strom: '1 200',
      barneutgifter: ['barnehage', 'sfo'],
      barnehage: '1 500',
      sfo: '2 000',
      'har-gjeld': 'true',
      'gjeld-betaling': '500',
      'andre-utgifter': 'Medisiner, 300 kroner i måneden.',
    },
    vedlegg: { dokumenter: { husleiekontrakt: 'uploaded', stromregning: 'later', lonnsslipp: 'missing' } },
    bekreftelse: { bekreftelse: true },
  },
  aktivitet: {
    'om-aktiviteten': {
      type: 'mote',
      tittel: 'Møte om jobb',
      beskrivelse: 'Vi snakker om hvilke jobber jeg kan søke på.',
    },
    detaljer: { moteform: 'kontoret', motested: 'NAV Grünerløkka', klokkeslett: '10:30' },
    // Around the contract tests' sample date (17.05.2015), so either date can take it without breaking the order.
    'tid-og-status': { 'fra-dato': '01.05.2015', 'til-dato': '31.05.2015', status: 'planlagt' },
  },
};
