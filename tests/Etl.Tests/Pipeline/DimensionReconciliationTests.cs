using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>
/// The indicators by dimension (indicators-v1.md § Dimensions) against the export itself: the expected numbers are
/// counted by DuckDB straight from the generated CSV files (households, persons, payments and the dated ATS
/// membership), never from the warehouse, and every published member of every month must match them — zeros
/// included — and add up to the total.
/// </summary>
[Collection(PipelineRunsCollection.Name)]
public class DimensionReconciliationTests(TinyRun run)
{
    /// <summary>The households of the export with the ATS holding their municipality on end(m) of a date column.</summary>
    string Placed(string dateColumn) => $"""
        (select h.*, strftime(h.{dateColumn}::date, '%Y-%m') as month
         from {Duck.ReadCsv(Path.Combine(run.Export, "households.csv"))} as h
         join {Duck.ReadCsv(Path.Combine(run.Export, "ambito_comuni.csv"))} as ac
           on ac.municipality_code = h.municipality_code
          and ac.valid_from::date <= last_day(h.{dateColumn}::date)
          and (ac.valid_to is null or ac.valid_to::date >= last_day(h.{dateColumn}::date))
         where h.{dateColumn} is not null)
        """;

    [Fact]
    public void Applications_received_by_measure_match_the_households_file()
    {
        var expected = Expected($"select month, measure, count(*) from {Placed("application_date")} group by all");
        var measures = expected.Keys.Select(k => k.Member).ToHashSet();
        // The generator's measure history reaches the warehouse: REI, RdC, ADI and SFL all have applications.
        Assert.Equal(["ADI", "RDC", "REI", "SFL"], measures.Order());
        AssertMembers("applications_received", "measure", expected);
    }

    [Fact]
    public void Households_paid_by_pathway_match_the_payments_file()
    {
        var payments = Duck.ReadCsv(Path.Combine(run.Export, "payments.csv"));
        var expected = Expected($"""
            select p.period, coalesce(h.pathway, 'none'), count(*)
            from {payments} as p
            join {Duck.ReadCsv(Path.Combine(run.Export, "households.csv"))} as h using (household_id)
            join {Duck.ReadCsv(Path.Combine(run.Export, "ambito_comuni.csv"))} as ac
              on ac.municipality_code = h.municipality_code
             and ac.valid_from::date <= last_day((p.period || '-01')::date)
             and (ac.valid_to is null or ac.valid_to::date >= last_day((p.period || '-01')::date))
            group by all
            """);
        AssertMembers("households_paid", "pathway", expected);
    }

    [Fact]
    public void Benefit_started_by_applicant_sex_match_the_persons_file()
    {
        var persons = Duck.ReadCsv(Path.Combine(run.Export, "persons.csv"));
        var expected = Expected($"""
            select h.month, coalesce(a.sex, 'unknown'), count(*)
            from {Placed("benefit_start_date")} as h
            left join (select household_id, min(sex) as sex from {persons} where relationship = 'applicant' group by all) as a
              using (household_id)
            where h.benefit_start_date::date <= DATE '2026-10-31'
            group by all
            """);
        Assert.True(expected.Values.Sum() > 1000, "the tiny export starts well over a thousand benefits");
        AssertMembers("benefit_started", "applicant_sex", expected);
    }

    /// <summary>(month, member) → count, from a query returning those three columns.</summary>
    Dictionary<(string Month, string Member), double> Expected(string sql)
    {
        using var csv = Duck.Memory();
        return csv.Rows(sql).ToDictionary(r => (r[0]!, r[1]!), r => double.Parse(r[2]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Every national member cell of the warehouse equals the expected count (0 when the export has none), and
    /// the members of each month add up to the total.</summary>
    void AssertMembers(string indicator, string dimension, Dictionary<(string Month, string Member), double> expected)
    {
        using var wh = Duck.ReadOnly(run.Warehouse);
        var cells = wh.Rows($"""
            select month, member, numerator from indicator_member_values
            where indicator_id = '{indicator}' and dimension = '{dimension}' and level = 'national'
            """);
        Assert.NotEmpty(cells);
        var published = cells.ToDictionary(c => (Month: c[0]!, Member: c[1]!), c => double.Parse(c[2]!, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, count) in expected)
            Assert.True(published.TryGetValue(key, out var got) && got == count, $"{indicator} {dimension} {key}: expected {count}, got {got}");
        foreach (var (key, got) in published.Where(p => !expected.ContainsKey(p.Key)))
            Assert.True(got == 0, $"{indicator} {dimension} {key}: expected 0, got {got}");
        var totals = wh.Rows($"select month, numerator from indicator_values where indicator_id = '{indicator}' and level = 'national'")
            .ToDictionary(r => r[0]!, r => double.Parse(r[1]!, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var month in totals.Keys)
            Assert.Equal(totals[month], published.Where(p => p.Key.Month == month).Sum(p => p.Value));
    }
}
