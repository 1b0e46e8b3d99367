/**
 * The published standings of the 2019-20 Asian Le Mans Series: the ten tables (five classes x
 * teams/drivers) of the Wikipedia article, transcribed from the project seed
 * `shared/seeds/004_daa1c788835197f4.txt`, the golden expectation for
 * `data/seasons/alms-2019-20.yaml`.
 *
 * Transcribed as printed, REPAIRED only for lost row spans: where the seed merged the rows of drivers
 * sharing a position, their empty cells are filled from the first row of the group (results and
 * points). Nothing is "fixed" to match the season file: every published figure the season file does
 * not reproduce is listed in UNREPRODUCIBLE, with the reason. Driver names use the season file's
 * (correct) spelling; the seed's variants (Eric Trouilllet, Sebastien Page, Phillippe Mulacek) and
 * team-name variants (Astro Veloce Motorsports) are recorded in the season file's notes.
 *
 * Bold (pole) marks were lost in the seed and are not part of these tables.
 */

/**
 * One row of a published table. `results` has one cell per round: the class position ('1') or the
 * status ('Ret', 'DNS', 'WD', 'NC', ...), null for a blank cell. `name` is the row's label: the
 * team (teams tables) or the driver (drivers tables). Teams rows carry `car` (the car number) and
 * `team`; drivers rows carry `driver`.
 */
export interface PublishedRow {
  position: number;
  name: string;
  car?: string;
  team?: string;
  driver?: string;
  results: (string | null)[];
  points: number;
}

export interface PublishedTable {
  class: string;
  kind: 'teams' | 'drivers';
  rows: PublishedRow[];
}

export const PUBLISHED: PublishedTable[] = [
  {
    class: 'LMP2',
    kind: 'teams',
    rows: [
      {
        position: 1,
        name: 'G-Drive Racing with Algarve',
        car: '26',
        team: 'G-Drive Racing with Algarve',
        results: ['1', '1', '3', '2'],
        points: 83,
      },
      {
        position: 2,
        name: 'Thunderhead Carlin Racing',
        car: '45',
        team: 'Thunderhead Carlin Racing',
        results: ['3', '3', '1', '1'],
        points: 82,
      },
      {
        position: 3,
        name: 'Eurasia Motorsport',
        car: '36',
        team: 'Eurasia Motorsport',
        results: ['2', '2', '2', '5'],
        points: 65,
      },
      {
        position: 4,
        name: 'Inter Europol Endurance',
        car: '33',
        team: 'Inter Europol Endurance',
        results: ['5', '4', '6', '6'],
        points: 38,
      },
      {
        position: 5,
        name: 'Inter Europol Endurance',
        car: '34',
        team: 'Inter Europol Endurance',
        results: ['4', 'Ret', '5', '7'],
        points: 28,
      },
      {
        position: 6,
        name: 'K2 Uchino Racing',
        car: '96',
        team: 'K2 Uchino Racing',
        results: ['Ret', 'WD', '4', '3'],
        points: 27,
      },
      {
        position: 7,
        name: 'Eurasia Motorsport',
        car: '1',
        team: 'Eurasia Motorsport',
        results: ['Ret', 'Ret', 'Ret', '4'],
        points: 13,
      },
    ],
  },
  {
    class: 'LMP2',
    kind: 'drivers',
    rows: [
      { position: 1, name: 'James French', driver: 'James French', results: ['1', '1', '3', '2'], points: 83 },
      {
        position: 1,
        name: 'Leonard Hoogenboom',
        driver: 'Leonard Hoogenboom',
        results: ['1', '1', '3', '2'],
        points: 83,
      },
      { position: 1, name: 'Roman Rusinov', driver: 'Roman Rusinov', results: ['1', '1', '3', '2'], points: 83 },
      { position: 2, name: 'Ben Barnicoat', driver: 'Ben Barnicoat', results: ['3', '3', '1', '1'], points: 82 },
      { position: 2, name: 'Jack Manchester', driver: 'Jack Manchester', results: ['3', '3', '1', '1'], points: 82 },
      { position: 2, name: 'Harry Tincknell', driver: 'Harry Tincknell', results: ['3', '3', '1', '1'], points: 82 },
      { position: 3, name: 'Aidan Read', driver: 'Aidan Read', results: ['2', '2', '2', '5'], points: 65 },
      { position: 3, name: 'Nick Foster', driver: 'Nick Foster', results: ['2', '2', '2', '5'], points: 65 },
      { position: 3, name: 'Roberto Merhi', driver: 'Roberto Merhi', results: ['2', '2', '2', '5'], points: 65 },
      { position: 4, name: 'John Corbett', driver: 'John Corbett', results: ['5', '4', '6', '6'], points: 38 },
      { position: 4, name: 'Nathan Kumar', driver: 'Nathan Kumar', results: ['5', '4', '6', '6'], points: 38 },
      {
        position: 5,
        name: 'Jakub Śmiechowski',
        driver: 'Jakub Śmiechowski',
        results: ['4', 'Ret', '5', '7'],
        points: 28,
      },
      { position: 5, name: 'James Winslow', driver: 'James Winslow', results: ['4', 'Ret', '5', '7'], points: 28 },
      { position: 5, name: 'Mathias Beche', driver: 'Mathias Beche', results: ['4', 'Ret', '5', '7'], points: 28 },
      { position: 6, name: 'Haruki Kurosawa', driver: 'Haruki Kurosawa', results: ['Ret', 'WD', '4', '3'], points: 27 },
      { position: 6, name: 'Shaun Thong', driver: 'Shaun Thong', results: ['Ret', 'WD', '4', '3'], points: 27 },
      {
        position: 7,
        name: 'Mitchell Neilson',
        driver: 'Mitchell Neilson',
        results: ['5', '4', null, null],
        points: 22,
      },
      { position: 8, name: 'Danial Frost', driver: 'Danial Frost', results: [null, null, '6', '6'], points: 16 },
      { position: 9, name: 'Daniel Gaunt', driver: 'Daniel Gaunt', results: ['Ret', 'Ret', 'Ret', '4'], points: 13 },
      { position: 9, name: 'Nick Cassidy', driver: 'Nick Cassidy', results: [null, 'Ret', 'Ret', '4'], points: 13 },
      {
        position: 10,
        name: 'Nobuya Yamanaka',
        driver: 'Nobuya Yamanaka',
        results: ['Ret', null, null, '4'],
        points: 12,
      },
      {
        position: 11,
        name: 'Masataka Yanagida',
        driver: 'Masataka Yanagida',
        results: ['Ret', null, 'Ret', null],
        points: 1,
      },
      {
        position: 12,
        name: 'Shane van Gisbergen',
        driver: 'Shane van Gisbergen',
        results: [null, 'Ret', null, null],
        points: 0,
      },
    ],
  },
  {
    class: 'LMP2 Am',
    kind: 'teams',
    rows: [
      {
        position: 1,
        name: 'Rick Ware Racing',
        car: '52',
        team: 'Rick Ware Racing',
        results: ['2', '1', '1', '2'],
        points: 86,
      },
      {
        position: 2,
        name: 'Rick Ware Racing',
        car: '25',
        team: 'Rick Ware Racing',
        results: ['DNS', '2', 'Ret', '1'],
        points: 45,
      },
      { position: 3, name: 'RLR MSport', car: '59', team: 'RLR MSport', results: ['1', 'Ret', null, null], points: 26 },
      {
        position: 4,
        name: 'ARC Bratislava',
        car: '4',
        team: 'ARC Bratislava',
        results: ['Ret', '3', null, null],
        points: 16,
      },
    ],
  },
  {
    class: 'LMP2 Am',
    kind: 'drivers',
    rows: [
      { position: 1, name: 'Cody Ware', driver: 'Cody Ware', results: ['2', '1', '1', '2'], points: 86 },
      {
        position: 2,
        name: 'Gustas Grinbergas',
        driver: 'Gustas Grinbergas',
        results: [null, '1', '1', '2'],
        points: 68,
      },
      { position: 3, name: 'Anthony Lazzaro', driver: 'Anthony Lazzaro', results: [null, '2', 'Ret', '1'], points: 45 },
      { position: 3, name: 'Guy Cosmo', driver: 'Guy Cosmo', results: [null, '2', 'Ret', '1'], points: 45 },
      {
        position: 4,
        name: 'Philippe Mulacek',
        driver: 'Philippe Mulacek',
        results: ['DNS', 'DNS', 'Ret', '1'],
        points: 27,
      },
      { position: 5, name: 'Andrew Higgins', driver: 'Andrew Higgins', results: ['1', 'Ret', null, null], points: 26 },
      { position: 5, name: 'Arjun Maini', driver: 'Arjun Maini', results: ['1', 'Ret', null, null], points: 26 },
      { position: 5, name: 'John Farano', driver: 'John Farano', results: ['1', 'Ret', null, null], points: 26 },
      { position: 6, name: 'Mark Kvamme', driver: 'Mark Kvamme', results: ['2', null, null, null], points: 18 },
      {
        position: 7,
        name: 'Andreas Laskaratos',
        driver: 'Andreas Laskaratos',
        results: ['Ret', '3', null, null],
        points: 16,
      },
      { position: 7, name: 'Miro Konôpka', driver: 'Miro Konôpka', results: ['Ret', '3', null, null], points: 16 },
      {
        position: 8,
        name: 'Garnet Patterson',
        driver: 'Garnet Patterson',
        results: [null, '3', null, null],
        points: 15,
      },
      { position: 9, name: 'Kang Ling', driver: 'Kang Ling', results: ['Ret', null, null, null], points: 1 },
      {
        position: 10,
        name: 'Michael Zimicki',
        driver: 'Michael Zimicki',
        results: ['DNS', null, null, null],
        points: 0,
      },
    ],
  },
  {
    class: 'LMP3',
    kind: 'teams',
    rows: [
      {
        position: 1,
        name: 'Nielsen Racing',
        car: '2',
        team: 'Nielsen Racing',
        results: ['2', '1', '4', '2'],
        points: 75,
      },
      {
        position: 2,
        name: 'ACE1 Villorba Corse',
        car: '12',
        team: 'ACE1 Villorba Corse',
        results: ['4', '3', '5', '1'],
        points: 62,
      },
      {
        position: 3,
        name: 'Inter Europol Competition',
        car: '13',
        team: 'Inter Europol Competition',
        results: ['1', '2', '3', 'Ret'],
        points: 59,
      },
      {
        position: 4,
        name: 'Graff Racing',
        car: '9',
        team: 'Graff Racing',
        results: ['3', 'Ret', '1', 'Ret'],
        points: 40,
      },
      {
        position: 5,
        name: 'Nielsen Racing',
        car: '3',
        team: 'Nielsen Racing',
        results: ['6', 'Ret', '2', '5'],
        points: 37,
      },
      {
        position: 6,
        name: 'Viper Niza Racing',
        car: '65',
        team: 'Viper Niza Racing',
        results: ['5', 'Ret', '8', '4'],
        points: 26,
      },
      {
        position: 7,
        name: 'Graff Racing',
        car: '8',
        team: 'Graff Racing',
        results: [null, null, '7', '3'],
        points: 21,
      },
      {
        position: 8,
        name: 'Inter Europol Competition',
        car: '18',
        team: 'Inter Europol Competition',
        results: [null, null, '6', '6'],
        points: 16,
      },
      {
        position: 9,
        name: 'Inter Europol Competition',
        car: '14',
        team: 'Inter Europol Competition',
        results: [null, '4', null, null],
        points: 12,
      },
    ],
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    rows: [
      { position: 1, name: 'Colin Noble', driver: 'Colin Noble', results: ['2', '1', '4', '2'], points: 75 },
      { position: 1, name: 'Tony Wells', driver: 'Tony Wells', results: ['2', '1', '4', '2'], points: 75 },
      {
        position: 2,
        name: 'Alessandro Bressan',
        driver: 'Alessandro Bressan',
        results: ['4', '3', '5', '1'],
        points: 62,
      },
      { position: 3, name: 'Martin Hippe', driver: 'Martin Hippe', results: ['1', '2', '3', 'Ret'], points: 59 },
      { position: 3, name: 'Nigel Moore', driver: 'Nigel Moore', results: ['1', '2', '3', 'Ret'], points: 59 },
      { position: 4, name: 'David Fumanelli', driver: 'David Fumanelli', results: [null, '3', '5', '1'], points: 50 },
      { position: 5, name: 'David Droux', driver: 'David Droux', results: ['3', 'Ret', '1', 'Ret'], points: 40 },
      { position: 5, name: 'Eric Trouillet', driver: 'Eric Trouillet', results: ['3', 'Ret', '1', 'Ret'], points: 40 },
      { position: 5, name: 'Sébastien Page', driver: 'Sébastien Page', results: ['3', 'Ret', '1', 'Ret'], points: 40 },
      { position: 6, name: 'Charles Crews', driver: 'Charles Crews', results: ['6', 'Ret', '2', '5'], points: 37 },
      { position: 6, name: 'Garett Grist', driver: 'Garett Grist', results: ['6', 'Ret', '2', '5'], points: 37 },
      { position: 6, name: 'Rob Hodes', driver: 'Rob Hodes', results: ['6', 'Ret', '2', '5'], points: 37 },
      {
        position: 7,
        name: 'Gabriele Lancieri',
        driver: 'Gabriele Lancieri',
        results: ['4', '3', null, null],
        points: 27,
      },
      { position: 8, name: 'Dominic Ang', driver: 'Dominic Ang', results: ['5', 'Ret', '8', '4'], points: 26 },
      { position: 8, name: 'Douglas Khoo', driver: 'Douglas Khoo', results: ['5', 'Ret', '8', '4'], points: 26 },
      { position: 9, name: 'Matthias Kaiser', driver: 'Matthias Kaiser', results: [null, null, '7', '3'], points: 21 },
      { position: 10, name: 'Neale Muston', driver: 'Neale Muston', results: [null, null, null, '3'], points: 15 },
      { position: 11, name: 'Yuki Harata', driver: 'Yuki Harata', results: ['4', null, null, null], points: 12 },
      {
        position: 11,
        name: 'Austin McCusker',
        driver: 'Austin McCusker',
        results: [null, '4', null, null],
        points: 12,
      },
      { position: 11, name: 'Garth Walden', driver: 'Garth Walden', results: [null, '4', null, null], points: 12 },
      { position: 11, name: 'Peter Paddon', driver: 'Peter Paddon', results: [null, '4', null, null], points: 12 },
      { position: 12, name: 'Dan Wells', driver: 'Dan Wells', results: [null, null, '6', 'Ret'], points: 8 },
      {
        position: 12,
        name: 'Philip Kadoorie',
        driver: 'Philip Kadoorie',
        results: [null, null, '6', 'Ret'],
        points: 8,
      },
      { position: 13, name: 'Rory Penttinen', driver: 'Rory Penttinen', results: [null, null, '7', null], points: 6 },
      { position: 14, name: 'Ricky Capo', driver: 'Ricky Capo', results: [null, 'Ret', null, null], points: 0 },
    ],
  },
  {
    class: 'GT',
    kind: 'teams',
    rows: [
      {
        position: 1,
        name: 'HubAuto Corsa',
        car: '27',
        team: 'HubAuto Corsa',
        results: ['6', '2', '2', '1'],
        points: 71,
      },
      {
        position: 2,
        name: 'Car Guy Racing',
        car: '7',
        team: 'Car Guy Racing',
        results: ['5', '1', '5', '2'],
        points: 64,
      },
      { position: 3, name: 'Team JLOC', car: '88', team: 'Team JLOC', results: ['2', '7', '1', '4'], points: 61 },
      {
        position: 4,
        name: 'Spirit of Race',
        car: '51',
        team: 'Spirit of Race',
        results: ['4', '3', '3', '3'],
        points: 57,
      },
      {
        position: 5,
        name: 'T2 Motorsports',
        car: '75',
        team: 'T2 Motorsports',
        results: ['7', '4', '4', '5'],
        points: 41,
      },
      {
        position: 6,
        name: "D'station Racing AMR",
        car: '77',
        team: "D'station Racing AMR",
        results: ['1', '6', 'Ret', 'Ret'],
        points: 33,
      },
      {
        position: 7,
        name: 'Astro Veloce Motorsport',
        car: '17',
        team: 'Astro Veloce Motorsport',
        results: ['3', '5', 'DNS', 'DNS'],
        points: 25,
      },
      {
        position: 8,
        name: 'Astro Veloce Motorsport',
        car: '16',
        team: 'Astro Veloce Motorsport',
        results: ['DNS', 'Ret', 'DNS', 'DNS'],
        points: 0,
      },
      {
        position: 9,
        name: 'FIST-Team AAI',
        car: '90',
        team: 'FIST-Team AAI',
        results: ['Ret', null, 'DNS', 'DNS'],
        points: 0,
      },
    ],
  },
  {
    class: 'GT',
    kind: 'drivers',
    rows: [
      { position: 1, name: 'Marcos Gomes', driver: 'Marcos Gomes', results: ['6', '2', '2', '1'], points: 71 },
      { position: 2, name: 'Takeshi Kimura', driver: 'Takeshi Kimura', results: ['5', '1', '5', '2'], points: 64 },
      { position: 3, name: 'Liam Talbot', driver: 'Liam Talbot', results: [null, '2', '2', '1'], points: 62 },
      { position: 4, name: 'Yusaku Shibata', driver: 'Yusaku Shibata', results: ['2', '7', '1', '4'], points: 61 },
      { position: 4, name: 'Yuya Motojima', driver: 'Yuya Motojima', results: ['2', '7', '1', '4'], points: 61 },
      {
        position: 5,
        name: 'Francesco Piovanetti',
        driver: 'Francesco Piovanetti',
        results: ['4', '3', '3', '3'],
        points: 57,
      },
      {
        position: 5,
        name: 'Oswaldo Negri Jr.',
        driver: 'Oswaldo Negri Jr.',
        results: ['4', '3', '3', '3'],
        points: 57,
      },
      { position: 6, name: 'Côme Ledogar', driver: 'Côme Ledogar', results: [null, '1', '5', '2'], points: 54 },
      { position: 7, name: 'Davide Rigon', driver: 'Davide Rigon', results: ['6', '2', '2', null], points: 46 },
      { position: 7, name: 'Kei Cozzolino', driver: 'Kei Cozzolino', results: ['5', '1', '5', null], points: 46 },
      {
        position: 8,
        name: 'Alessandro Pier Guidi',
        driver: 'Alessandro Pier Guidi',
        results: ['4', '3', '3', null],
        points: 42,
      },
      {
        position: 9,
        name: 'Christian Colombo',
        driver: 'Christian Colombo',
        results: ['7', '4', '4', '5'],
        points: 41,
      },
      {
        position: 9,
        name: 'David Tjiptobiantoro',
        driver: 'David Tjiptobiantoro',
        results: ['7', '4', '4', '5'],
        points: 41,
      },
      { position: 9, name: 'Rio Haryanto', driver: 'Rio Haryanto', results: ['7', '4', '4', '5'], points: 41 },
      { position: 10, name: 'Takashi Kogure', driver: 'Takashi Kogure', results: [null, null, '1', '4'], points: 37 },
      { position: 11, name: 'Ross Gunn', driver: 'Ross Gunn', results: ['1', '6', 'Ret', null], points: 33 },
      {
        position: 11,
        name: 'Satoshi Hoshino',
        driver: 'Satoshi Hoshino',
        results: ['1', '6', 'Ret', 'Ret'],
        points: 33,
      },
      { position: 11, name: 'Tomonobu Fujii', driver: 'Tomonobu Fujii', results: ['1', '6', 'Ret', 'Ret'], points: 33 },
      { position: 12, name: 'Jens Klingmann', driver: 'Jens Klingmann', results: ['3', '5', null, null], points: 25 },
      { position: 12, name: 'Max Wiser', driver: 'Max Wiser', results: ['3', '5', null, null], points: 25 },
      { position: 12, name: 'Peiwen Qi', driver: 'Peiwen Qi', results: ['3', '5', null, null], points: 25 },
      { position: 12, name: 'Tim Slade', driver: 'Tim Slade', results: [null, null, null, '1'], points: 25 },
      { position: 13, name: 'André Couto', driver: 'André Couto', results: ['2', '7', null, null], points: 24 },
      { position: 14, name: 'Mikkel Jensen', driver: 'Mikkel Jensen', results: [null, null, null, '2'], points: 18 },
      { position: 15, name: 'Daniel Serra', driver: 'Daniel Serra', results: [null, null, null, '3'], points: 15 },
      { position: 16, name: 'Antonio Fuoco', driver: 'Antonio Fuoco', results: ['5', null, null, null], points: 10 },
      { position: 17, name: 'Morris Chen', driver: 'Morris Chen', results: ['6', null, null, null], points: 9 },
      { position: 18, name: 'Chen Weian', driver: 'Chen Weian', results: [null, 'Ret', null, null], points: 0 },
      { position: 18, name: 'Li Lin', driver: 'Li Lin', results: ['DNS', null, null, null], points: 0 },
      { position: 18, name: 'Zhang Yaqi', driver: 'Zhang Yaqi', results: [null, 'Ret', null, null], points: 0 },
      { position: 18, name: 'Zhiwei Lu', driver: 'Zhiwei Lu', results: ['DNS', 'Ret', null, null], points: 0 },
      { position: 18, name: 'Tom Gamble', driver: 'Tom Gamble', results: [null, null, null, 'Ret'], points: 0 },
      { position: 18, name: 'Ye Hongli', driver: 'Ye Hongli', results: ['Ret', null, null, null], points: 0 },
      { position: 18, name: 'Joel Eriksson', driver: 'Joel Eriksson', results: ['Ret', null, null, null], points: 0 },
      { position: 18, name: 'Jun-San Chen', driver: 'Jun-San Chen', results: ['Ret', null, null, null], points: 0 },
    ],
  },
  {
    class: 'GT Am',
    kind: 'teams',
    rows: [
      {
        position: 1,
        name: 'Astro Veloce Motorsport',
        car: '16',
        team: 'Astro Veloce Motorsport',
        results: ['DNS', 'Ret', null, null],
        points: 2,
      },
    ],
  },
  {
    class: 'GT Am',
    kind: 'drivers',
    rows: [
      { position: 1, name: 'Li Lin', driver: 'Li Lin', results: ['DNS', null, null, null], points: 1 },
      { position: 1, name: 'Zhiwei Lu', driver: 'Zhiwei Lu', results: ['DNS', null, null, null], points: 1 },
      { position: 2, name: 'Chen Weian', driver: 'Chen Weian', results: [null, 'Ret', null, null], points: 0 },
      { position: 2, name: 'Zhang Yaqi', driver: 'Zhang Yaqi', results: [null, 'Ret', null, null], points: 0 },
    ],
  },
];

/**
 * A published figure the season file cannot reproduce. `row` is the car number (teams tables) or
 * the driver (drivers tables); `field` is 'position', 'points', 'round N' (a result cell) or 'row'
 * (a whole row); `published` is the figure as printed ('(blank)' for an empty cell, '(no row)'
 * when the published table has no such row).
 */
export interface Unreproducible {
  class: string;
  kind: 'teams' | 'drivers';
  row: string;
  field: string;
  published: string;
  reason: string;
}

export const UNREPRODUCIBLE: Unreproducible[] = [
  {
    class: 'LMP2',
    kind: 'drivers',
    row: 'Shaun Thong',
    field: 'round 2',
    published: 'WD',
    reason:
      "Repaired merged cell: the seed merged Thong's row with Haruki Kurosawa's, whose The Bend cell is WD. The entry list has Thong for rounds 1, 3-4 only, so the season file gives him no round-2 result (blank)",
  },
  {
    class: 'LMP3',
    kind: 'teams',
    row: '18',
    field: 'round 4',
    published: '6',
    reason:
      "Seed contradiction: the #18 drivers' rows (Dan Wells / Philip Kadoorie) give Ret at Buriram, and grandepremio counts 19 finishers of 23 starters (#77, #13, #9 and #18 out). The season file has #18 Ret at round 4",
  },
  {
    class: 'LMP3',
    kind: 'teams',
    row: '18',
    field: 'points',
    published: '16',
    reason: "Follows from #18 Ret at Buriram: 8 points (6th at Sepang), as its drivers' rows print",
  },
  {
    class: 'LMP3',
    kind: 'teams',
    row: '18',
    field: 'position',
    published: '8',
    reason: 'With 8 points #18 ranks 9th, behind #14 (12 points)',
  },
  {
    class: 'LMP3',
    kind: 'teams',
    row: '14',
    field: 'position',
    published: '9',
    reason: '#14 (12 points) ranks 8th, ahead of #18 (8 points), see #18',
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Sébastien Page',
    field: 'round 2',
    published: 'Ret',
    reason:
      "Repaired merged cell: the seed merged Page's row with David Droux's. The entry list has Page for rounds 1, 3-4 (Ricky Capo drove #9 at The Bend), so the season file gives him no round-2 result (blank); his points (40) match",
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Andreas Laskaratos',
    field: 'row',
    published: '(no row)',
    reason:
      "Andreas Laskaratos drove #12 at Sepang and Buriram (endurance-info Sepang notes: he replaced Gabriele Lancieri; endurance-info and autohebdo Buriram reports name him in the winning crew). The published LMP3 drivers' table omits him; the season file gives him 35 points (5th + 1st), 7th, which moves every published position from 7th down by one. The season file therefore has an extra row: position 7, '– | – | 5 | 1', 35 points",
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Gabriele Lancieri',
    field: 'position',
    published: '7',
    reason: 'One lower (8) because Andreas Laskaratos (35 points, missing from the published table) ranks 7th',
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Dominic Ang',
    field: 'position',
    published: '8',
    reason: 'One lower (9) because Andreas Laskaratos (35 points, missing from the published table) ranks 7th',
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Douglas Khoo',
    field: 'position',
    published: '8',
    reason: 'One lower (9) because Andreas Laskaratos (35 points, missing from the published table) ranks 7th',
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Matthias Kaiser',
    field: 'position',
    published: '9',
    reason: 'One lower (10) because Andreas Laskaratos (35 points, missing from the published table) ranks 7th',
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Neale Muston',
    field: 'position',
    published: '10',
    reason: 'One lower (11) because Andreas Laskaratos (35 points, missing from the published table) ranks 7th',
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Yuki Harata',
    field: 'position',
    published: '11',
    reason: 'One lower (12) because Andreas Laskaratos (35 points, missing from the published table) ranks 7th',
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Austin McCusker',
    field: 'position',
    published: '11',
    reason: 'One lower (12) because Andreas Laskaratos (35 points, missing from the published table) ranks 7th',
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Garth Walden',
    field: 'position',
    published: '11',
    reason: 'One lower (12) because Andreas Laskaratos (35 points, missing from the published table) ranks 7th',
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Peter Paddon',
    field: 'position',
    published: '11',
    reason: 'One lower (12) because Andreas Laskaratos (35 points, missing from the published table) ranks 7th',
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Dan Wells',
    field: 'position',
    published: '12',
    reason: 'One lower (13) because Andreas Laskaratos (35 points, missing from the published table) ranks 7th',
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Philip Kadoorie',
    field: 'position',
    published: '12',
    reason: 'One lower (13) because Andreas Laskaratos (35 points, missing from the published table) ranks 7th',
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Rory Penttinen',
    field: 'position',
    published: '13',
    reason: 'One lower (14) because Andreas Laskaratos (35 points, missing from the published table) ranks 7th',
  },
  {
    class: 'LMP3',
    kind: 'drivers',
    row: 'Ricky Capo',
    field: 'position',
    published: '14',
    reason: 'One lower (15) because Andreas Laskaratos (35 points, missing from the published table) ranks 7th',
  },
  {
    class: 'GT',
    kind: 'teams',
    row: '16',
    field: 'round 3',
    published: 'DNS',
    reason:
      'The car was not at Sepang (23 cars present; Chinese teams withdrew over coronavirus quarantines) and no crew was named, so the season file leaves it out of round 3 (blank); a classification line must have a driver entered. The GT Am table itself prints this cell blank',
  },
  {
    class: 'GT',
    kind: 'teams',
    row: '16',
    field: 'round 4',
    published: 'DNS',
    reason:
      'The car was not at Buriram (23 cars present; Chinese teams withdrew over coronavirus quarantines) and no crew was named, so the season file leaves it out of round 4 (blank); a classification line must have a driver entered. The GT Am table itself prints this cell blank',
  },
  {
    class: 'GT',
    kind: 'teams',
    row: '17',
    field: 'round 3',
    published: 'DNS',
    reason:
      'The car was not at Sepang (23 cars present; Chinese teams withdrew over coronavirus quarantines) and no crew was named, so the season file leaves it out of round 3 (blank); a classification line must have a driver entered',
  },
  {
    class: 'GT',
    kind: 'teams',
    row: '17',
    field: 'round 4',
    published: 'DNS',
    reason:
      'The car was not at Buriram (23 cars present; Chinese teams withdrew over coronavirus quarantines) and no crew was named, so the season file leaves it out of round 4 (blank); a classification line must have a driver entered',
  },
  {
    class: 'GT',
    kind: 'teams',
    row: '90',
    field: 'round 3',
    published: 'DNS',
    reason:
      'The car was not at Sepang (23 cars present; Chinese teams withdrew over coronavirus quarantines) and no crew was named, so the season file leaves it out of round 3 (blank); a classification line must have a driver entered',
  },
  {
    class: 'GT',
    kind: 'teams',
    row: '90',
    field: 'round 4',
    published: 'DNS',
    reason:
      'The car was not at Buriram (23 cars present; Chinese teams withdrew over coronavirus quarantines) and no crew was named, so the season file leaves it out of round 4 (blank); a classification line must have a driver entered',
  },
  {
    class: 'GT',
    kind: 'teams',
    row: '90',
    field: 'position',
    published: '9',
    reason:
      'Level with #16 on everything (0 points, no classified result, no pole): the published table lists #16 8th and #90 9th, by car number; Pitwall lets no car number decide a tie, so both share 8th (docs/title-maths.md, ties)',
  },
  {
    class: 'GT Am',
    kind: 'teams',
    row: '16',
    field: 'points',
    published: '2',
    reason:
      "Seed contradiction: 2 = two GT Am pole points, but the GT Am drivers' rows give the round-2 crew (Chen Weian / Zhang Yaqi) 0, i.e. no pole at The Bend. The season file gives #16 the round-1 GT Am pole only: 1 point",
  },
  {
    class: 'GT Am',
    kind: 'drivers',
    row: 'Zhiwei Lu',
    field: 'round 2',
    published: '(blank)',
    reason:
      "Repaired merged cell: the seed merged Lu's GT Am row with Li Lin's (Shanghai only). His own GT row prints 'DNS | Ret', so the season file has him entered at rounds 1-2 and driving at The Bend: Ret. His points (1) match",
  },
];
