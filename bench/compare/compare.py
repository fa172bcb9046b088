#!/usr/bin/python3
"""Runs circatlas and its peers side by side as whole processes on the same seeded data and prints the table.

Usage: /usr/bin/python3 bench/compare/compare.py --circatlas BUILD/src/cli/circatlas --work DIR
           [--rows matrix,dbscan,pip,write,read] [--runs 3] [--enterprises 100000,1000000] [--pairs 10,100,1000]

Installs nothing. Each peer runs only when it is present (one that fails, say killed for want of memory, leaves its
row without a ratio and the note says why; the table goes on):
  scikit-learn    Debian python3-sklearn (with python3-gdal for the projection)
  PostgreSQL 15 + PostGIS + pgRouting: Debian postgresql-15-postgis-3 and postgresql-15-pgrouting; a
                  private cluster is created in a temporary folder, listens only on a socket there,
                  and is stopped and removed at the end
  ogr2ogr         Debian gdal-bin
Data (seeded, cached in --work): `circatlas synth` registries, the anchor grid and an OSM-like network
from make_network.py, origins and destinations on network nodes.

Runs are interleaved (circatlas, peer, circatlas, peer, …) and the median wall time is reported with
the CPU time (user + sys) and peak RSS of the same run (from wait4; for PostgreSQL the CPU time adds the
server backend that answered, the RSS is psql's only). ratio = circatlas / peer:
below 1 means circatlas is faster. The machine load (1-minute load average) is printed beside
every row, since shared machines make wall times noisy; compare CPU times when it is high.
Answers are checked, not only timed: DBSCAN labels against scikit-learn, matrix sums against pgRouting.
"""
import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ANALYSIS_CRS = ("+proj=lcc +lat_0=37.5 +lon_0=101 +lat_1=34.2 +lat_2=41.2 +x_0=0 +y_0=0 +datum=WGS84 "
                "+units=m +no_defs +type=crs")
EPS_METERS = 5000.0  # the default of --eps-m
MIN_POINTS = 5
PG_BIN = "/usr/lib/postgresql/15/bin"


class CommandFailed(RuntimeError):
    """A command that exited with a non-zero status (negative: killed by that signal)."""

    def __init__(self, cmd, code, stderr):
        super().__init__(f"{' '.join(cmd)} failed ({code}):\n{stderr[-2000:]}")
        self.code = code


class Run:
    def __init__(self, seconds, cpu, rss_mib, stdout):
        self.seconds, self.cpu, self.rss_mib, self.stdout = seconds, cpu, rss_mib, stdout


def run(cmd, env=None, stdout_path=None):
    """Runs a command to completion; returns wall seconds, CPU seconds and peak RSS of it and its children."""
    # Output goes to files, not pipes: the command is waited for (os.wait4, for its CPU time and memory)
    # before anything is read, and a pipe left unread blocks a command that prints more than it holds
    # (a progress bar does).
    start = time.perf_counter()
    out = open(stdout_path, "w") if stdout_path else tempfile.TemporaryFile("w+")
    err = tempfile.TemporaryFile("w+")
    proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    stdout = ""
    if not stdout_path:
        out.seek(0)
        stdout = out.read()
    out.close()
    err.seek(0)
    stderr = err.read()
    err.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise CommandFailed(cmd, code, stderr)
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, stdout)


def load():
    return os.getloadavg()[0]


def median_run(runs):
    ordered = sorted(runs, key=lambda r: r.seconds)
    return ordered[len(ordered) // 2]


class Table:
    def __init__(self):
        self.rows = []

    def add(self, workload, ours, peer_name, peer, note=""):
        global peer_failure
        ratio = ours.seconds / peer.seconds if peer else None
        if peer is None and peer_failure:
            note = "; ".join(filter(None, [f"the peer failed: {peer_failure}", note]))
        peer_failure = None
        self.rows.append((workload, ours, peer_name, peer, ratio, load(), note))
        self.print_row(self.rows[-1])

    @staticmethod
    def fmt(r):
        return f"{r.seconds:.2f} s (CPU {r.cpu:.1f} s, {r.rss_mib:.0f} MiB)" if r else "—"

    def print_row(self, row):
        workload, ours, peer_name, peer, ratio, machine_load, note = row
        ratio_text = f"{ratio:.3f}" if ratio is not None else "—"
        print(f"| {workload} | {self.fmt(ours)} | {peer_name}: {self.fmt(peer)} | {ratio_text} | "
              f"{machine_load:.1f} | {note} |", flush=True)

    def print_all(self):
        print("\n| workload | circatlas | best peer | ratio | load | note |\n|---|---|---|---|---|---|")
        for row in self.rows:
            self.print_row(row)


# Why the last interleave() ran without its peer, for the row's note: a peer that fails (scikit-learn's DBSCAN of
# 1 M points can use more memory than the machine has and be killed) leaves its row without a ratio instead of
# ending the whole table.
peer_failure = None


def interleave(runs, ours_cmd, peer_cmd, ours_env=None, peer_env=None):
    """Alternates the two commands `runs` times each; returns the median run of each (None for a failed peer)."""
    global peer_failure
    peer_failure = None
    a, b = [], []
    for _ in range(runs):
        a.append(ours_cmd())
        if peer_cmd:
            try:
                b.append(peer_cmd())
            except CommandFailed as e:
                peer_failure = "killed (SIGKILL: out of memory?)" if e.code == -9 else f"exit status {e.code}"
                print(f"peer failed, its row gets no ratio: {str(e)[:300]}", file=sys.stderr, flush=True)
                peer_cmd = None
                b = []
    return median_run(a), (median_run(b) if b else None)


# ---------------------------------------------------------------------------------------------- data

# Network kinds: make_network.py's generator and scale per axis. grid32k and grid128k are the smaller
# anchor grids of issue 21 (about 32 k and 128 k nodes), grid the 994 k-edge one.
NETWORKS = {"grid": ("grid", 1.0), "grid32k": ("grid", 0.283), "grid128k": ("grid", 0.566), "osm": ("osm", 1.0)}


def make_network(work, kind):
    gpkg = os.path.join(work, f"{kind}.gpkg")
    if os.path.exists(gpkg):
        return gpkg
    text = os.path.join(work, f"{kind}.csv")
    generator, scale = NETWORKS[kind]
    subprocess.run([sys.executable, os.path.join(HERE, "make_network.py"), generator, text, "--scale", str(scale)],
                   check=True)
    subprocess.run(["ogr2ogr", "-f", "GPKG", "-a_srs", ANALYSIS_CRS, "-nln", "roads", gpkg, text,
                    "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO",
                    "-oo", "AUTODETECT_TYPE=YES", "-nlt", "LINESTRING"], check=True)
    return gpkg


def make_endpoints(work, kind, count, seed):
    """`count` places at distinct line start vertices (graph nodes) of the network, as a point GeoPackage."""
    gpkg = os.path.join(work, f"{kind}_places_{count}_{seed}.gpkg")
    if os.path.exists(gpkg):
        return gpkg
    import random
    rng = random.Random(seed)
    text = os.path.join(work, f"{kind}.csv")
    starts = {}
    with open(text, newline="") as f:
        for row in csv.DictReader(f):
            node = int(row["u"])
            if node not in starts:
                first = row["WKT"][len("LINESTRING ("):].split(",")[0].split()
                starts[node] = (float(first[0]), float(first[1]))
    nodes = rng.sample(sorted(starts), count)
    places = os.path.join(work, f"{kind}_places_{count}_{seed}.csv")
    with open(places, "w") as f:
        f.write("id,node,WKT\n")
        for i, node in enumerate(nodes):
            x, y = starts[node]
            f.write(f"p{i},{node},\"POINT ({x:.3f} {y:.3f})\"\n")
    subprocess.run(["ogr2ogr", "-f", "GPKG", "-a_srs", ANALYSIS_CRS, "-nln", "places", gpkg, places,
                    "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO", "-nlt", "POINT"], check=True)
    return gpkg


def make_registry(circatlas, work, n):
    folder = os.path.join(work, f"registry_{n}")
    if not os.path.exists(os.path.join(folder, "enterprises.csv")):
        subprocess.run([circatlas, "synth", "-n", str(n), "--seed", "2026", "--out", folder], check=True,
                       stdout=subprocess.DEVNULL)
    return folder


# ------------------------------------------------------------------------------------------ PostgreSQL

class Postgres:
    """A private PostgreSQL cluster in a temporary folder, reachable only through its socket there."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="circatlas-pg-")
        self.data = os.path.join(self.dir, "data")
        self.user = "postgres" if os.geteuid() == 0 else None
        run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.run_as = run_as
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        subprocess.run(run_as + [f"{PG_BIN}/initdb", "-D", self.data, "-A", "trust", "-U", "postgres"],
                       check=True, stdout=subprocess.DEVNULL)
        opts = f"-k {self.dir} -c listen_addresses='' -c shared_buffers=1GB -c work_mem=256MB -c max_wal_size=4GB " \
               f"-c fsync=off -c synchronous_commit=off -c full_page_writes=off -p 54329"
        subprocess.run(run_as + [f"{PG_BIN}/pg_ctl", "-D", self.data, "-o", opts, "-l",
                                 os.path.join(self.dir, "log"), "-w", "start"], check=True, stdout=subprocess.DEVNULL)
        self.conn = ["-h", self.dir, "-p", "54329", "-U", "postgres"]
        self.psql(["-c", "CREATE EXTENSION postgis; CREATE EXTENSION pgrouting;"])

    def psql_cmd(self, args):
        return ["psql", *self.conn, "-X", "-q", "-v", "ON_ERROR_STOP=1", *args]

    def psql(self, args):
        return subprocess.run(self.psql_cmd(args), check=True, capture_output=True, text=True).stdout

    def children_cpu(self):
        """CPU seconds of the server's finished backends (cutime + cstime of the postmaster)."""
        with open(os.path.join(self.data, "postmaster.pid")) as f:
            pid = int(f.readline())
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")

    def run_query(self, args):
        """Runs psql to completion; the CPU time includes the server backend that answered it."""
        before = self.children_cpu()
        r = run(self.psql_cmd(args))
        time.sleep(0.2)  # let the postmaster reap the backend
        r.cpu += self.children_cpu() - before
        return r

    def pg_dsn(self):
        return f"PG:host={self.dir} port=54329 user=postgres dbname=postgres"

    def stop(self):
        subprocess.run(self.run_as + [f"{PG_BIN}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)


def postgres_available():
    return os.path.exists(f"{PG_BIN}/initdb") and shutil.which("psql") is not None


# ------------------------------------------------------------------------------------------ workloads

def matrix_rows(args, table, pg):
    for kind in args.networks.split(","):
        network = make_network(args.work, kind)
        graph_note = ""
        if pg:
            # Loading (not timed as part of the query): edges with the network's own node numbers and
            # the travel time circatlas uses (geodesic length / class or given speed). ogr2ogr types the
            # columns from their content: an all-empty speed_kmh is text, a yes/no oneway boolean.
            start = time.perf_counter()
            subprocess.run(["ogr2ogr", "-f", "PostgreSQL", pg.pg_dsn(), network, "-nln", f"{kind}_roads",
                            "-lco", "GEOMETRY_NAME=geom", "-lco", "SPATIAL_INDEX=NONE", "-overwrite"], check=True)
            pg.psql(["-c", f"""
                CREATE TABLE {kind}_edges AS
                SELECT fid AS id, u AS source, v AS target,
                       ST_Length(ST_Transform(geom, 4326)::geography) /
                       (COALESCE(NULLIF(speed_kmh::text, '')::double precision, CASE class WHEN 'motorway' THEN 80 WHEN 'trunk' THEN 60
                          WHEN 'primary' THEN 50 WHEN 'secondary' THEN 45 WHEN 'tertiary' THEN 40
                          WHEN 'unclassified' THEN 30 WHEN 'residential' THEN 20 END) / 3.6) AS cost
                  , oneway FROM {kind}_roads;
                ALTER TABLE {kind}_edges ADD COLUMN reverse_cost double precision;
                UPDATE {kind}_edges SET reverse_cost = CASE WHEN oneway::text IN ('yes', 'true', '1') THEN -1 ELSE cost END;
                ANALYZE {kind}_edges;"""])
            graph_note = f"pgRouting load {time.perf_counter() - start:.0f} s not counted"
        for pairs in [int(p) for p in args.pairs.split(",")]:
            origins = make_endpoints(args.work, kind, pairs, 1)
            destinations = make_endpoints(args.work, kind, pairs, 2)
            out = os.path.join(args.work, "out_distances.csv")

            def ours():
                if os.path.exists(out):
                    os.remove(out)
                return run([args.circatlas, "distances", "--network", network, "--from", origins, "--to", destinations,
                            "--out", out, "--join-tolerance", "0m", "--snap", "1km"])

            def node_list(path):
                rows = subprocess.run(["ogrinfo", "-q", "-sql", "SELECT node FROM places", path], check=True,
                                      capture_output=True, text=True).stdout
                return [int(line.split("=")[1]) for line in rows.splitlines() if "node (" in line]

            peer_out = os.path.join(args.work, "out_pgrouting.csv")
            peer = None
            if pg:
                o = ",".join(map(str, node_list(origins)))
                d = ",".join(map(str, node_list(destinations)))
                query = (f"\\copy (SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost("
                         f"'SELECT id, source, target, cost, reverse_cost FROM {kind}_edges', "
                         f"ARRAY[{o}]::bigint[], ARRAY[{d}]::bigint[], true)) TO '{peer_out}' CSV")

                def peer():
                    return pg.run_query(["-c", query])
            a, b = interleave(args.runs if pairs >= 100 else max(args.runs, 3), ours, peer)
            note = graph_note
            if b:
                ours_sum = 0.0
                with open(out, newline="") as f:
                    for row in csv.DictReader(f):
                        if row["status"] == "routed":
                            ours_sum += float(row["time_s"])
                with open(peer_out) as f:
                    peer_sum = sum(float(line.split(",")[2]) for line in f)
                note += f"; sum of times {ours_sum:.6f} vs {peer_sum:.6f} s (rel. diff {abs(ours_sum - peer_sum) / max(peer_sum, 1e-9):.1e})"
            table.add(f"matrix {pairs}×{pairs}, {kind}", a, "pgRouting pgr_dijkstraCost", b, note)
            if args.network_cache:
                # The same matrix with --network-cache: the first run contracts and writes the hierarchy (timed
                # once, as a user meets it the first time), later runs read it instead of contracting.
                cache = os.path.join(args.work, f"{kind}.cache")
                if os.path.exists(cache):
                    os.remove(cache)

                def ours_cached():
                    if os.path.exists(out):
                        os.remove(out)
                    return run([args.circatlas, "distances", "--network", network, "--from", origins, "--to",
                                destinations, "--out", out, "--join-tolerance", "0m", "--snap", "1km",
                                "--network-cache", cache])
                first = ours_cached()
                size_mib = os.path.getsize(cache) / 1048576
                table.add(f"matrix {pairs}×{pairs}, {kind}, --network-cache (first run: contract, write)", first,
                          "pgRouting pgr_dijkstraCost", b, f"cache {size_mib:.0f} MiB")
                a, _ = interleave(args.runs, ours_cached, None)
                table.add(f"matrix {pairs}×{pairs}, {kind}, --network-cache (later runs: read)", a,
                          "pgRouting pgr_dijkstraCost", b, "")


SKLEARN_SCRIPT = r"""
import sys, numpy as np
from osgeo import osr
from sklearn.cluster import DBSCAN
src, out = sys.argv[1], sys.argv[2]
data = np.genfromtxt(src, delimiter=",", names=True, usecols=("lon", "lat"), dtype=float, encoding="utf-8")
wgs = osr.SpatialReference(); wgs.ImportFromEPSG(4326); wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
lcc = osr.SpatialReference(); lcc.ImportFromProj4(sys.argv[3])
xy = np.array(osr.CoordinateTransformation(wgs, lcc).TransformPoints(np.column_stack([data["lon"], data["lat"]])))[:, :2]
labels = DBSCAN(eps=float(sys.argv[4]), min_samples=int(sys.argv[5]), algorithm="kd_tree").fit(xy).labels_
if out != "-":
    np.savetxt(out, labels, fmt="%d", header="cluster", comments="")
print(int(labels.max()) + 1)
"""


def dbscan_rows(args, table, pg):
    have_sklearn = subprocess.run([sys.executable, "-c", "import sklearn, osgeo"], capture_output=True).returncode == 0
    script = os.path.join(args.work, "sklearn_dbscan.py")
    with open(script, "w") as f:
        f.write(SKLEARN_SCRIPT)
    for n in [int(x) for x in args.enterprises.split(",")]:
        registry = make_registry(args.circatlas, args.work, n)
        # With --out as before (every member copied with its point), with the members as a table to join by id,
        # and without output; scikit-learn saves its labels (one per point, the same information as the table).
        for label, options, with_output in (("with --out", [], True), ("with --out --members table",
                                             ["--members", "table"], True), ("no output", [], False)):
            out = os.path.join(args.work, "out_cluster.gpkg")

            def ours():
                if os.path.exists(out):
                    os.remove(out)
                cmd = [args.circatlas, "cluster", "--catalogue", registry, "--eps", f"{args.eps_m:g}m",
                       "--min-points", str(MIN_POINTS)] + options
                return run(cmd + (["--out", out] if with_output else []))

            peer = None
            if have_sklearn:
                def peer():
                    return run([sys.executable, script, os.path.join(registry, "enterprises.csv"),
                                os.path.join(args.work, "out_sklearn.csv") if with_output else "-", ANALYSIS_CRS,
                                str(args.eps_m), str(MIN_POINTS)])
            a, b = interleave(args.runs, ours, peer)
            note = f"eps {args.eps_m:g} m"
            if b:
                note += f"; clusters: scikit-learn {b.stdout.strip()}"
            table.add(f"DBSCAN {n:,}, {label}", a,
                      "scikit-learn (read CSV, project, fit" + (", save)" if with_output else ")"), b, note)


def ogr2ogr_enterprises(registry, out):
    """The GDAL peer of reading and writing: ogr2ogr of a registry's enterprises.csv into a fresh GeoPackage."""
    if os.path.exists(out):
        os.remove(out)
    return run(["ogr2ogr", "-f", "GPKG", out, os.path.join(registry, "enterprises.csv"),
                "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "KEEP_GEOM_COLUMNS=NO",
                "-a_srs", "EPSG:4326", "-nln", "enterprises"])


def write_rows(args, table, pg):
    """GeoPackage writing: circatlas synth to a .gpkg minus nothing (whole command) vs ogr2ogr of the same CSV."""
    for n in [int(x) for x in args.enterprises.split(",")]:
        registry = make_registry(args.circatlas, args.work, n)
        out = os.path.join(args.work, "out_write.gpkg")
        peer_out = os.path.join(args.work, "out_ogr2ogr.gpkg")

        def ours():
            if os.path.exists(out):
                os.remove(out)
            return run([args.circatlas, "synth", "-n", str(n), "--seed", "2026", "--out", out])

        def peer():
            return ogr2ogr_enterprises(registry, peer_out)
        a, b = interleave(args.runs, ours, peer)
        table.add(f"write {n:,} enterprises (+ flows) to GeoPackage", a, "ogr2ogr -f GPKG (enterprises only)", b,
                  "circatlas also generates the registry and writes its flows")


def read_rows(args, table, pg):
    """Reading and validating a registry: circatlas validate of the synth folder (enterprises and flows read,
    every cell checked, every point located in its county) vs ogr2ogr -f GPKG of its enterprises.csv (read and
    written, nothing checked)."""
    for n in [int(x) for x in args.enterprises.split(",")]:
        registry = make_registry(args.circatlas, args.work, n)
        peer_out = os.path.join(args.work, "out_read_ogr2ogr.gpkg")

        def ours():
            return run([args.circatlas, "validate", registry])

        def peer():
            return ogr2ogr_enterprises(registry, peer_out)
        a, b = interleave(args.runs, ours, peer)
        table.add(f"read and validate {n:,} enterprises (+ flows)", a, "ogr2ogr -f GPKG (enterprises only)", b,
                  "circatlas also reads and checks the flows; ogr2ogr also writes")


def pip_rows(args, table, pg):
    """Point in polygon: circatlas overlay (every enterprise's county and prefecture, summaries per county and
    prefecture) vs PostGIS on the same points and the built-in counties, subdivided (ST_Subdivide, 255 vertices)
    with a GiST index, as a PostGIS user would. Loading is reported, not counted (in PostGIS's favour); with
    output, PostGIS writes the coded points and the counts per county as tables in the database, circatlas a
    GeoPackage file (coded enterprises, county and prefecture summaries with their polygons)."""
    basemap = os.path.join(os.path.dirname(os.path.dirname(HERE)), "data", "basemap.gpkg")
    if pg:
        subprocess.run(["ogr2ogr", "-f", "PostgreSQL", pg.pg_dsn(), basemap, "counties", "-nln", "pip_counties",
                        "-lco", "GEOMETRY_NAME=geom", "-overwrite"], check=True)
        pg.psql(["-c", """
            DROP TABLE IF EXISTS pip_counties_sub;
            CREATE TABLE pip_counties_sub AS
              SELECT code, name_zh, prefecture_code, ST_Subdivide(geom, 255) AS geom FROM pip_counties;
            CREATE INDEX ON pip_counties_sub USING gist (geom);
            ANALYZE pip_counties_sub;"""])
    for n in [int(x) for x in args.enterprises.split(",")]:
        registry = make_registry(args.circatlas, args.work, n)
        note = ""
        if pg:
            start = time.perf_counter()
            subprocess.run(["ogr2ogr", "-f", "PostgreSQL", pg.pg_dsn(), os.path.join(registry, "enterprises.csv"),
                            "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "KEEP_GEOM_COLUMNS=NO",
                            "-a_srs", "EPSG:4326", "-nln", f"pip_enterprises_{n}", "-lco", "GEOMETRY_NAME=geom",
                            "-overwrite", "--config", "PG_USE_COPY", "YES"], check=True)
            pg.psql(["-c", f"ANALYZE pip_enterprises_{n};"])
            note = f"PostGIS load {time.perf_counter() - start:.0f} s not counted"
        for label, with_output in (("with --out", True), ("no output", False)):
            out = os.path.join(args.work, "out_overlay.gpkg")

            def ours():
                if os.path.exists(out):
                    os.remove(out)
                return run([args.circatlas, "overlay", "--catalogue", registry] + (["--out", out] if with_output else []))

            peer = None
            if pg:
                join = (f"FROM pip_enterprises_{n} e LEFT JOIN LATERAL (SELECT c.code, c.name_zh, c.prefecture_code "
                        f"FROM pip_counties_sub c WHERE ST_Intersects(c.geom, e.geom) LIMIT 1) c ON true")
                if with_output:
                    query = (f"DROP TABLE IF EXISTS pip_out, pip_out_counts; "
                             f"CREATE TABLE pip_out AS SELECT e.*, c.code AS overlay_county, c.name_zh AS "
                             f"overlay_county_name, c.prefecture_code AS overlay_prefecture {join}; "
                             f"CREATE TABLE pip_out_counts AS SELECT overlay_county, count(*) FROM pip_out "
                             f"GROUP BY overlay_county;")
                else:
                    query = f"SELECT c.code, count(*) {join} GROUP BY c.code;"

                def peer():
                    return pg.run_query(["-c", query])
            a, b = interleave(args.runs, ours, peer)
            row_note = note
            if b and with_output:
                # Agreement: the enterprises per county, circatlas's file against PostGIS's table.
                listing = subprocess.run(["ogrinfo", "-q", "-sql", "SELECT overlay_county, count(*) AS n FROM "
                                          "overlay_enterprises GROUP BY overlay_county", out],
                                         check=True, capture_output=True, text=True).stdout
                ours_counts, county = {}, None
                for line in listing.splitlines():
                    line = line.strip()
                    if line.startswith("overlay_county ("):
                        county = line.split("=", 1)[1].strip() if "=" in line else ""
                    elif line.startswith("n ("):
                        ours_counts[county if county not in ("(null)", None) else ""] = int(line.split("=")[1])
                peer_counts = {}
                for line in pg.psql(["-A", "-t", "-F", ",", "-c", "SELECT coalesce(overlay_county, ''), count "
                                     "FROM pip_out_counts"]).splitlines():
                    code, count = line.rsplit(",", 1)
                    peer_counts[code] = int(count)
                differ = sum(1 for k in set(ours_counts) | set(peer_counts) if ours_counts.get(k) != peer_counts.get(k))
                row_note += f"; counts per county: {len(peer_counts)} units, {differ} differ"
            table.add(f"point in polygon {n:,} × 87 counties, {label}", a,
                      "PostGIS (subdivided counties, GiST, join)", b, row_note)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--circatlas", required=True)
    parser.add_argument("--work", required=True, help="folder for the generated data and outputs (kept between runs)")
    parser.add_argument("--rows", default="matrix,dbscan,write")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--enterprises", default="100000,1000000")
    parser.add_argument("--pairs", default="10,100,1000")
    parser.add_argument("--networks", default="grid,osm")
    parser.add_argument("--eps-m", type=float, default=EPS_METERS,
                        help="DBSCAN radius in metres (at 5 km the 1 M synthetic registry is one cluster)")
    parser.add_argument("--network-cache", action="store_true",
                        help="matrix rows also run with --network-cache: the first run and the later ones")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    args.circatlas = os.path.abspath(args.circatlas)
    table = Table()
    rows = args.rows.split(",")
    pg = None
    if "matrix" in rows or "pip" in rows:
        if postgres_available():
            pg = Postgres()
        else:
            print("PostgreSQL 15 with PostGIS and pgRouting not found: no database peers", file=sys.stderr)
    try:
        print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()}")
        print("| workload | circatlas | best peer | ratio | load | note |\n|---|---|---|---|---|---|")
        if "matrix" in rows:
            matrix_rows(args, table, pg)
        if "dbscan" in rows:
            dbscan_rows(args, table, pg)
        if "write" in rows:
            write_rows(args, table, pg)
        if "read" in rows:
            read_rows(args, table, pg)
        if "pip" in rows:
            pip_rows(args, table, pg)
    finally:
        if pg:
            pg.stop()
    table.print_all()


if __name__ == "__main__":
    main()
