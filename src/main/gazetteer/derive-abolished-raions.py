# Derives abolished-raions.csv's lines: Ukraine's raions abolished in 2020 and the raion of today that took
# each in (see the file's header). Usage:
#   python3 derive-abolished-raions.py KOATUU.mysql.sql KATOTTG.csv OUT.csv [DISTRICTS.csv]
# KOATUU.mysql.sql: the KOATUU classifier as the public repository sokil/koatuu converts it (edition of 2020);
# KATOTTG.csv: the shared data folder's katottg-UA-2025-05-16.csv. OUT.csv: oblast code (KOATUU), old raion,
# today's raion (KATOTTG), settlements in it, settlements counted. With the bundled districts.csv as a fourth
# argument it prints abolished-raions.csv's lines instead (ISO codes, Crimea left out, today's raion checked).
import re, csv, collections, sys
sql = open(sys.argv[1], encoding='utf-8').read()
def rows(table):
    out = []
    for m in re.finditer(r"INSERT INTO %s VALUES (.*?);\n" % table, sql, re.S):
        for t in re.finditer(r"\(((?:'(?:[^'\\]|\\.)*'|[^,()]+)(?:,(?:'(?:[^'\\]|\\.)*'|[^,()]+))*)\)", m.group(1)):
            vals = re.findall(r"'((?:[^'\\]|\\.)*)'", t.group(1))
            out.append([v.replace("\\'", "'") for v in vals])
    return out
l2 = rows('level2')
l3 = [list(m.groups()) for m in re.finditer(r"\('(\d{10})','(\d+)','(\d{4})','(\d+)','(\d{2})','((?:[^'\\]|\\.)*)'\)", sql)]
l3 = [[a,b,c,d,e,f.replace("\\'", "'")] for a,b,c,d,e,f in l3]
raions = {r[0]: (r[2], r[3]) for r in l2 if r[1] == '2'}   # id -> (oblast, name)
# KATOTTG: settlements -> new raion per oblast
kat = list(csv.reader(open(sys.argv[2], encoding='utf-8'), delimiter=';'))[1:]
newraion_name = {}
where = collections.defaultdict(lambda: collections.defaultdict(set))  # oblast2 -> name -> set(new raion code)
for r in kat:
    l1c, l2c, cat, name = r[0], r[1], r[5], r[6].strip()
    if cat == 'P':
        newraion_name[l2c] = name
    if cat in ('M', 'T', 'C', 'X') and l2c:
        where[l1c[2:4]][name.lower().replace('’', "'")].add(l2c)
votes = collections.defaultdict(collections.Counter)
for r in l3:
    code, typ, l2id, l2type, l1, name = r
    if l2id in raions:
        hits = where[l1].get(name.lower().replace('’', "'"))
        if hits and len(hits) == 1:
            votes[l2id][next(iter(hits))] += 1
current = collections.defaultdict(set)
for code, name in newraion_name.items():
    current[code[2:4]].add(name.lower().replace('’', "'"))
out = []
for rid, (obl, name) in sorted(raions.items()):
    adj = name.replace(' район', '').strip().replace('’', "'")
    if adj in current[obl]:
        continue   # still a raion of that name
    v = votes[rid]
    total = sum(v.values())
    if total < 5:
        continue
    best, n = v.most_common(1)[0]
    if n / total < 0.8:
        continue
    out.append((obl, name, newraion_name[best], n, total))
print(len(out), "abolished raions mapped of", sum(1 for rid,(o,n) in raions.items() if o != "01" and n.replace(" район","").strip().replace("’","'") not in current[o]), "outside Crimea;", sum(1 for rid,(o,n) in raions.items() if n.replace(' район','').strip().replace('’',"'") not in current[o]), file=sys.stderr)
for o in out[:8]: print(o, file=sys.stderr)
w = csv.writer(open(sys.argv[3], 'w', encoding='utf-8', newline=''))
for o in out: w.writerow(o)

if len(sys.argv) > 4:
    # KOATUU codes oblasts as ISO 3166-2:UA does, but for Luhansk (44) and Chernivtsi (73); Crimea (01) is OKTMO's.
    iso_of = {'44': '09', '73': '77'}
    today = collections.defaultdict(set)
    for r in csv.DictReader(open(sys.argv[4], encoding='utf-8')):
        today[r['region_iso']].add(r['name_ru'])
    for obl, old, new, n, total in out:
        if obl == '01':
            continue
        iso = 'UA-' + iso_of.get(obl, obl)
        raion = new.strip() + ' район'
        if raion in today[iso]:
            print('%s,%s,%s,Rada resolution 807-IX (2020)' % (iso, old[0].upper() + old[1:], raion))
