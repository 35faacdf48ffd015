using Monitoring.Warehouse.Pseudonyms;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.Etl.OpenData;
using Monitoring.Etl.Pseudonymize;
using Monitoring.DataDir;

namespace Monitoring.Etl.Research;

/// <summary>
/// Pseudonymized microdata for ONE research project: households, persons, cases, events, referrals, payments and
/// budget of the snapshot in service, every key re-pseudonymized under the project's own key (so two projects'
/// extracts cannot be joined to each other or to the warehouse), the key variables generalized across the linked
/// tables and the households still in small classes suppressed with everything linked to them
/// (<see cref="KAnonymizer"/>). Parquet files carry their column descriptions; a codebook, datapackage.json, a
/// release note and extract-report.json say what was generalized or suppressed and the risk before and after.
/// </summary>
public static partial class ResearchExtractor
{
    public static ExtractReport Extract(ResearchExtractOptions options)
    {
        if (!ProjectName().IsMatch(options.Project))
            throw new ArgumentException("a project name is 1–64 characters of a-z, 0-9, '-' and '_'");
        var key = ProjectPseudonyms.KeyFor(options.Project, options.Demo);

        using var wh = WarehouseSnapshot.OpenCurrent(options.DataDir);
        var meta = wh.Rows("select run_id, strftime(reference_date, '%Y-%m-%d') from wh.run_meta limit 1").Single();
        var runId = Convert.ToString(meta[0], CultureInfo.InvariantCulture)!;
        var referenceDate = DateOnly.ParseExact(Convert.ToString(meta[1], CultureInfo.InvariantCulture)!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var folder = Path.Combine(options.OutDir, $"{options.Project}_r{runId}");
        if (Directory.Exists(folder)) throw new InvalidOperationException($"extract {Path.GetFileName(folder)} already exists in {options.OutDir}: extracts are never overwritten");

        var pseudonymizer = new Pseudonymizer(key);
        ProjectPseudonyms.BuildMap(wh, pseudonymizer, "household", "select household_key from wh.stg_households");
        ProjectPseudonyms.BuildMap(wh, pseudonymizer, "person", "select person_key from wh.stg_persons");
        ProjectPseudonyms.BuildMap(wh, pseudonymizer, "case", "select case_key from wh.fct_cases");
        ProjectPseudonyms.BuildMap(wh, pseudonymizer, "operator", "select case_manager_key from wh.fct_cases union select operator_key from wh.fct_case_events");
        ProjectPseudonyms.BuildMap(wh, pseudonymizer, "event", "select event_id from wh.fct_case_events");
        ProjectPseudonyms.BuildMap(wh, pseudonymizer, "referral", "select referral_id from wh.stg_referrals");

        BuildBase(wh, referenceDate);
        var outcome = KAnonymizer.Apply(wh, options.K, options.MaxSuppressedShare);

        Directory.CreateDirectory(options.OutDir);
        var building = Path.Combine(options.OutDir, $".building-{options.Project}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(building);
        var rows = new Dictionary<string, long>();
        var anonymity = new List<TableAnonymity>
        {
            new("households", KeyVariables.Household, outcome.Households, outcome.HouseholdsSuppressed, outcome.HouseholdsAfter.Classes, outcome.HouseholdsAfter.SmallestClass),
            new("persons", KeyVariables.Person, outcome.Persons, outcome.PersonsSuppressed, outcome.PersonsAfter.Classes, outcome.PersonsAfter.SmallestClass),
        };
        try
        {
            foreach (var t in ExtractTables.All)
            {
                var path = Path.Combine(building, t.Name + ".parquet");
                var meta2 = ParquetCopy.DescribeFields(t.Fields, $"{t.Name}: {t.Grain}");
                meta2["project"] = options.Project;
                meta2["run_id"] = runId;
                meta2["k"] = options.K.ToString(CultureInfo.InvariantCulture);
                ParquetCopy.Write(wh.Connection, t.Query, path, meta2);
                rows[t.Name] = Convert.ToInt64(wh.Rows($"select count(*) from read_parquet({Sql.Literal(path)})").Single()[0], CultureInfo.InvariantCulture);
            }
            var report = new ExtractReport(options.Project, folder, runId, referenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                options.K, $"individual re-identification risk 1/f_k <= 1/{options.K} for every record on the combined key variables (no sample unique, no class below k = {options.K}), with at most {options.MaxSuppressedShare:P0} of households suppressed",
                options.MaxSuppressedShare, outcome.Step.Rung, outcome.Step.Describe().ToList(), anonymity,
                [outcome.HouseholdsBefore, outcome.PersonsBefore], [outcome.HouseholdsAfter, outcome.PersonsAfter], outcome.Trials, rows);
            File.WriteAllText(DataDirectory.ExtractReport(building), JsonSerializer.Serialize(report, ReportJson));
            ExtractDocs.WriteCodebook(Path.Combine(building, "codebook.md"), report);
            ExtractDocs.WriteDataPackage(Path.Combine(building, "datapackage.json"), report);
            ExtractDocs.WriteReleaseNote(Path.Combine(building, "release-note.md"), report);
            Directory.Move(building, folder);
            return report;
        }
        catch
        {
            try { Directory.Delete(building, recursive: true); } catch (IOException) { }
            throw;
        }
    }

    /// <summary>hh_base, person_base and case_base: the records the key variables are made from (working tables, never written).</summary>
    static void BuildBase(WarehouseSnapshot wh, DateOnly referenceDate)
    {
        var refDate = $"date '{referenceDate:yyyy-MM-dd}'";
        wh.Exec($"""
            create or replace table hh_base as
            with households as (
                select * from wh.stg_households
            ),
            membership as (
                -- the municipality's ATS on the reference date (else its latest membership)
                select municipality_code, ats_code, region_code, population_2011
                from wh.dim_territory
                qualify row_number() over (
                    partition by municipality_code
                    order by (valid_from <= {refDate} and (valid_to is null or valid_to >= {refDate})) desc, valid_from desc) = 1
            ),
            joined as (
                select h.*, m.ats_code, m.region_code, m.population_2011 as municipality_population
                from households as h
                left join membership as m using (municipality_code)
            )
            select * from joined
            """);
        wh.Exec($"""
            create or replace table person_base as
            with persons as (
                select * from wh.stg_persons
            ),
            aged as (
                select person_key, household_key, year({refDate}) - birth_year as age, sex, citizenship, relationship, labour_activable
                from persons
            )
            select * from aged
            """);
        wh.Exec("""
            create or replace table case_base as
            select c.case_key, c.household_key, c.ats_code, a.region_code, c.opened_date
            from wh.fct_cases as c
            left join wh.dim_ats as a using (ats_code)
            """);
    }

    static readonly JsonSerializerOptions ReportJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex ProjectName();
}
