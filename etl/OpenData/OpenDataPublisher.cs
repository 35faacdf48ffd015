using System.Globalization;
using Monitoring.Warehouse.Csv;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Warehouse.Disclosure;
using Monitoring.DataDir.Releases;
using Monitoring.DataDir;

namespace Monitoring.Etl.OpenData;

/// <summary>
/// Publishes the open-data release of the snapshot in service: public indicators by month for Italy, regions and
/// ATS after disclosure control, as CSV and Parquet, with a data dictionary, a Frictionless data package and
/// DCAT-AP_IT metadata. Each release is a new folder &lt;out&gt;/&lt;reference-date&gt;_r&lt;run_id&gt;/ that is
/// never overwritten; it is written under a temporary name and renamed whole, then latest.json is replaced
/// atomically to name it.
/// </summary>
public static class OpenDataPublisher
{
    /// <summary>Publishes the current snapshot of <paramref name="dataDir"/> into <paramref name="outDir"/>; returns the release folder.</summary>
    public static string Publish(string dataDir, string outDir) => Publish(dataDir, outDir, new OpenDataOptions()).Folder;

    public static OpenDataPublication Publish(string dataDir, string outDir, OpenDataOptions options)
    {
        ReleaseInputs inputs;
        using (var wh = WarehouseSnapshot.OpenCurrent(dataDir)) inputs = ReleaseInputs.Read(wh);

        var release = new ReleaseInfo(ReleaseInfo.MakeId(inputs.ReferenceDate, inputs.RunId), inputs.RunId, inputs.ReferenceDate,
            inputs.FirstMonth, inputs.LastMonth, options.Now ?? DateTimeOffset.UtcNow, options.BaseUrl);
        Directory.CreateDirectory(outDir);
        var folder = Path.Combine(outDir, release.Id);
        if (Directory.Exists(folder))
            throw new ReleaseExistsException($"release {release.Id} already exists in {outDir}: releases are never overwritten");

        var rows = ReleaseDisclosure.Apply(inputs);
        var memberRows = ReleaseDisclosure.Apply(inputs, members: true);
        var previousReleaseId = OpenDataReleases.LatestId(outDir); // the version this one follows
        var building = Path.Combine(outDir, ".building-" + release.Id + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(building);
        var spill = Pipeline.DuckDbMemory.ReaderSpill(new DataDirectory(dataDir));
        try
        {
            WriteFiles(building, release, inputs, rows, memberRows, previousReleaseId, spill);
            Directory.Move(building, folder); // fails if another publisher got there first: still never overwritten
        }
        catch
        {
            try { Directory.Delete(building, recursive: true); } catch (IOException) { }
            throw;
        }
        finally
        {
            Pipeline.DuckDbMemory.RemoveSpill(spill);
        }
        WriteLatest(outDir, release);
        CatalogWriter.Write(outDir, release);
        return new OpenDataPublication(folder, release.Id, rows.Count,
            rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count())) { DisclosureTime = inputs.Cells.Elapsed };
    }

    static void WriteFiles(string dir, ReleaseInfo release, ReleaseInputs inputs, List<PublishedRow> rows, List<PublishedRow> memberRows,
        string? previousReleaseId, string spill)
    {
        // One row list per table feeds the CSV, the Parquet and the .xlsx; the CSV value column carries "<10" for a small count.
        var tables = new (ResourceSpec Spec, IEnumerable<object?[]> Rows)[]
        {
            (ReleaseSchema.Indicators, rows.Select(r => new object?[] { r.IndicatorId, r.Level, r.TerritoryCode, r.TerritoryName, r.RegionCode, r.Month, r.Value is { } v ? v : r.Marker, r.Status })),
            (ReleaseSchema.Territories, inputs.Territories.Select(t => new object?[] { t.Level, t.Code, t.Name, t.RegionCode, t.Population2011 })),
            (ReleaseSchema.IndicatorsByDimension, memberRows.Select(r => new object?[] { r.IndicatorId, r.Level, r.TerritoryCode, r.TerritoryName, r.RegionCode, r.Month, r.Dimension, r.Member, r.Value is { } v ? v : r.Marker, r.Status })),
        };
        foreach (var (spec, tableRows) in tables)
        {
            using (var csv = new SafeCsvWriter(Path.Combine(dir, spec.Name + ".csv")))
            {
                csv.WriteRow(spec.Fields.Select(f => (object?)f.Name));
                foreach (var row in tableRows) csv.WriteRow(row);
            }
            if (spec.Spreadsheet) XlsxTableWriter.Write(Path.Combine(dir, spec.Name + ".xlsx"), spec, tableRows, inputs.Indicators);
            WriteParquet(dir, spec, tableRows, spill);
        }
        DataDictionaryWriter.WriteMarkdown(Path.Combine(dir, "dictionary.md"), release, inputs.Indicators, inputs.Dimensions ?? []);
        DataDictionaryWriter.WriteCsv(Path.Combine(dir, "dictionary.csv"), inputs.Indicators, inputs.Dimensions ?? []);
        DataPackageWriter.Write(Path.Combine(dir, "datapackage.json"), release);
        var distributions = ReleaseSchema.All.SelectMany(r => r.Formats.Select(f =>
            new DcatWriter.DistributionFile(r.Name + "." + f.Format, f.Format.ToUpperInvariant(), f.MediaType, r.TitleIt, r.TitleEn))).ToList();
        DcatWriter.Write(Path.Combine(dir, "dcat.jsonld"), release, distributions, previousReleaseId);
        File.WriteAllText(Path.Combine(dir, "README.md"), ReleaseNote(release, rows, memberRows), new UTF8Encoding(false));
        File.WriteAllText(DataDirectory.ReleaseManifest(dir), new JsonObject
        {
            ["release"] = release.Id,
            ["run_id"] = release.RunId,
            ["reference_date"] = release.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["first_month"] = release.FirstMonth,
            ["last_month"] = release.LastMonth,
            ["issued"] = release.Issued.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture),
            ["rows"] = rows.Count,
            ["rows_by_dimension"] = memberRows.Count,
        }.ToJsonString(DataPackageWriter.Indented));
    }

    /// <summary>
    /// The Parquet copy of one table, typed from its schema (a DOUBLE column holds the number only: the CSV's "&lt;10"
    /// marker is null here, the status column says why), through DuckDB's appender and writer.
    /// </summary>
    static void WriteParquet(string dir, ResourceSpec spec, IEnumerable<object?[]> rows, string spill)
    {
        using var conn = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        conn.Open();
        Pipeline.DuckDbMemory.Apply(conn, spill); // the run's limit: the member table grows with the months of history
        Sql.Exec(conn, $"create table {spec.Name} (" + string.Join(", ", spec.Fields.Select(f => $"{f.Name} {f.DuckType}")) + ")");
        using (var app = conn.CreateAppender(spec.Name))
        {
            foreach (var values in rows)
            {
                var row = app.CreateRow();
                for (var i = 0; i < values.Length; i++)
                    row = (spec.Fields[i].DuckType, values[i]) switch
                    {
                        ("DOUBLE", double d) => row.AppendValue(d),
                        ("BIGINT", long l) => row.AppendValue(l),
                        ("VARCHAR", string t) => row.AppendValue(t),
                        _ => row.AppendNullValue(),
                    };
                row.EndRow();
            }
        }
        var meta = ParquetCopy.DescribeFields(spec.Fields, spec.TitleEn);
        meta["license"] = "CC-BY-4.0";
        if (spec.Source is not null) meta["source"] = spec.Source;
        ParquetCopy.Write(conn, $"select * from {spec.Name}", Path.Combine(dir, spec.Name + ".parquet"), meta);
    }

    static string ReleaseNote(ReleaseInfo release, List<PublishedRow> rows, List<PublishedRow> memberRows)
    {
        var byStatus = rows.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count():N0}");
        return $"""
            # Monitoraggio ADI — dati aperti, release {release.Id}

            Dati del {release.ReferenceDate:yyyy-MM-dd} (mesi {release.FirstMonth} – {release.LastMonth}), pubblicati il {release.Issued.UtcDateTime:yyyy-MM-dd}.
            Data as of {release.ReferenceDate:yyyy-MM-dd} (months {release.FirstMonth} – {release.LastMonth}), issued {release.Issued.UtcDateTime:yyyy-MM-dd}.

            Files: `indicators.csv` / `.parquet` / `.xlsx` (the indicators), `territories.csv` / `.parquet` / `.xlsx`
            (territories and population), `indicators_by_dimension.csv` / `.parquet` (the members of each dimension, for
            Italy and the regions; no spreadsheet copy: it outgrows a worksheet), `dictionary.md` / `dictionary.csv` (data dictionary), `datapackage.json`
            (Frictionless Data Package), `dcat.jsonld` (DCAT-AP_IT metadata of this version; `../catalog.jsonld` is the
            catalogue of every release). Per un foglio di calcolo aprire il file `.xlsx` / for a spreadsheet open the `.xlsx`.

            Licenza / licence: CC BY 4.0 (https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40).
            Popolazione / population: {ReleaseSchema.IstatAttribution}.

            Rows: {rows.Count:N0} ({string.Join(", ", byStatus)}); by dimension: {memberRows.Count:N0}.

            {DataDictionaryWriter.DisclosureText}
            """;
    }

    static void WriteLatest(string outDir, ReleaseInfo release)
    {
        var path = DataDirectory.LatestRelease(outDir);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, new JsonObject
        {
            ["release"] = release.Id,
            ["path"] = release.Id + "/",
            ["run_id"] = release.RunId,
            ["reference_date"] = release.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["issued"] = release.Issued.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture),
        }.ToJsonString(DataPackageWriter.Indented));
        File.Move(tmp, path, overwrite: true);
    }
}
