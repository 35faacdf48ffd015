using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;
using Monitoring.Etl.Contract;
using Monitoring.Etl.Pipeline;
using Monitoring.Etl.Pseudonymize;
using Monitoring.Etl.Read;
using Monitoring.Tests.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;
using Monitoring.Warehouse.Pseudonyms;

namespace Monitoring.Tests.Etl.Pseudonymize;

/// <summary>
/// The pseudonym maps stream their ids out of DuckDB and append the keys in batches (100,000 in a run); the test exports
/// are smaller than one batch, so here the generated tiny export (the "pipeline runs" collection's, thousands of ids
/// per domain) is mapped with batches of 7 and of 5 and with one batch holding everything. Every domain's map must be
/// exactly the distinct ids DuckDB's own CSV reader finds in the files (read apart from the etl's loader), once each,
/// each with the key the contract defines (HMAC computed here, <see cref="ExpectedPseudonym"/>) — whatever the batch,
/// and again when a second export adds ids, which moves every batch boundary.
/// </summary>
[Collection(PipelineRunsCollection.Name)]
public sealed class PseudonymMapBatchTests(TinyRun tiny)
{
    [Fact]
    public void Maps_built_in_batches_of_7_equal_one_batch_and_the_ids_in_the_files()
    {
        using var tmp = new TempDir();
        var files = Present(tiny.Export);
        var expected = DistinctIds(tiny.Export, files);
        Assert.All(expected, d => Assert.True(d.Value.Count > 3 * 7, $"{d.Key}: {d.Value.Count} ids do not cross the batch boundary often"));

        using var landing = Land(tiny.Export, files, tmp["landing"]);
        var counts = PseudonymMaps.Build(landing, Pseudonymizer(), files, batch: 7);
        var small = Maps(landing, expected.Keys);
        Sql.Exec(landing, string.Join("; ", expected.Keys.Select(d => $"CREATE TABLE batch7_{d} AS FROM pmap_{d}")));
        PseudonymMaps.Build(landing, Pseudonymizer(), files, batch: int.MaxValue);
        var whole = Maps(landing, expected.Keys);

        foreach (var (domain, ids) in expected)
        {
            Assert.Equal(ids.Count, counts[domain]);
            AssertMap(domain, ids, small[domain]);
            AssertMap(domain, ids, whole[domain]);
            // The same rows, compared by DuckDB itself.
            Assert.Equal(0L, Sql.Scalar<long>(landing, $"SELECT count(*) FROM (FROM batch7_{domain} EXCEPT ALL FROM pmap_{domain})"));
            Assert.Equal(0L, Sql.Scalar<long>(landing, $"SELECT count(*) FROM (FROM pmap_{domain} EXCEPT ALL FROM batch7_{domain})"));
        }
    }

    [Fact]
    public void A_second_export_with_new_ids_keeps_every_key_and_maps_the_new_ids()
    {
        using var tmp = new TempDir();
        var files = Present(tiny.Export);
        var first = DistinctIds(tiny.Export, files);
        Dictionary<string, Dictionary<string, string>> before;
        using (var landing = Land(tiny.Export, files, tmp["landing-1"]))
        {
            PseudonymMaps.Build(landing, Pseudonymizer(), files, batch: 7);
            before = Maps(landing, first.Keys);
        }

        // The same export with 11 persons added, each in a household of its own: 11 new person and household ids.
        var more = CopyWithNewPersons(tiny.Export, tmp["export-more"], 11);
        var second = DistinctIds(more, files);
        Assert.Equal(first["person"].Count + 11, second["person"].Count);
        Assert.Equal(first["household"].Count + 11, second["household"].Count);

        using var again = Land(more, files, tmp["landing-2"]);
        PseudonymMaps.Build(again, Pseudonymizer(), files, batch: 5);
        var after = Maps(again, second.Keys);
        foreach (var (domain, ids) in second)
        {
            AssertMap(domain, ids, after[domain]);
            foreach (var (id, key) in before[domain]) Assert.Equal(key, after[domain][id]);
        }
    }

    static Pseudonymizer Pseudonymizer() => new(PseudonymKey.FromBytes(TestKey.Bytes));

    /// <summary>Exactly the ids, each once, each with its key.</summary>
    static void AssertMap(string domain, HashSet<string> ids, Dictionary<string, string> map)
    {
        Assert.True(ids.SetEquals(map.Keys), $"{domain}: {ids.Except(map.Keys).Count()} ids lost, {map.Keys.Except(ids).Count()} not in the files");
        foreach (var (id, key) in map) Assert.Equal(ExpectedPseudonym.Of(domain, id), key);
    }

    static List<FileSpec> Present(string export) =>
        ExportContract.Files.Where(f => File.Exists(Path.Combine(export, f.FileName))).ToList();

    /// <summary>The export's files in a landing database, as the read stage loads them.</summary>
    static DuckDBConnection Land(string export, IEnumerable<FileSpec> files, string landingDir)
    {
        var conn = LandingDatabase.Open(landingDir);
        foreach (var f in files) RawCsvLoader.Load(conn, Path.Combine(export, f.FileName), f);
        return conn;
    }

    /// <summary>Every map as id → key text, read with the id once per row: a doubled id fails here.</summary>
    static Dictionary<string, Dictionary<string, string>> Maps(DuckDBConnection conn, IEnumerable<string> domains) =>
        domains.ToDictionary(d => d, d =>
        {
            var map = new Dictionary<string, string>();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT id, CAST(key AS VARCHAR) FROM pmap_{d}";
            using var r = cmd.ExecuteReader();
            while (r.Read()) Assert.True(map.TryAdd(r.GetString(0), r.GetString(1)), $"{d}: id {r.GetString(0)} mapped twice");
            return map;
        });

    /// <summary>The distinct ids of each domain, read by DuckDB's own CSV reader straight from the files (not the etl's landing).</summary>
    static Dictionary<string, HashSet<string>> DistinctIds(string export, IEnumerable<FileSpec> files)
    {
        using var duck = Duck.Memory();
        return files
            .SelectMany(f => f.Columns.Where(c => c.PseudonymDomain is not null).Select(c => (f, c)))
            .GroupBy(x => x.c.PseudonymDomain!)
            .ToDictionary(g => g.Key, g => duck.Column(string.Join(" UNION ", g.Select(x =>
                $"SELECT \"{x.c.Name}\" FROM read_csv({Sql.Literal(Path.Combine(export, x.f.FileName))}, delim = ';', header = true, all_varchar = true, quote = '\"', escape = '\"') WHERE \"{x.c.Name}\" IS NOT NULL")))
                .ToHashSet());
    }

    /// <summary>A copy of the export whose persons.csv ends with <paramref name="n"/> copies of its first person under new person and household ids.</summary>
    static string CopyWithNewPersons(string export, string copy, int n)
    {
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(export)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        var lines = File.ReadAllLines(Path.Combine(export, "persons.csv"));
        var header = lines[0].Split(';');
        int person = Array.IndexOf(header, "person_id"), household = Array.IndexOf(header, "household_id");
        var added = Enumerable.Range(1, n).Select(i =>
        {
            var cells = lines[1].Split(';');
            cells[person] = $"P-NEW-{i:000}";
            cells[household] = $"H-NEW-{i:000}";
            return string.Join(';', cells);
        });
        File.AppendAllLines(Path.Combine(copy, "persons.csv"), added);
        return copy;
    }
}
