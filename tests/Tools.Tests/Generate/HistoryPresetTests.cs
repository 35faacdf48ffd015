using Monitoring.Tools.Generate;

namespace Monitoring.Tests.Tools.Generate;

/// <summary>The history preset at 0.5% of its size (the same code path, ~3,500 ADI/SFL households and ~11,000 before).</summary>
public sealed class HistoryExportFixture() : TinyExportFixture(GeneratorPreset.History, Scale)
{
    public const double Scale = 0.005;
}

/// <summary>
/// The history preset (issue 18): REI from January 2018, RdC from April 2019 to December 2023, ADI/SFL applied for from
/// December 2023 and paid from January 2024
/// to the reference date, each measure's applications, benefits and payments inside its own years; about four times the
/// national preset's rows. Read back from the CSV files with DuckDB's reader.
/// </summary>
public sealed class HistoryPresetTests(HistoryExportFixture export) : IClassFixture<HistoryExportFixture>
{
    [Theory]
    // measure, first and last application day allowed, last benefit day allowed, first and last month paid allowed
    [InlineData("REI", "2018-01-01", "2019-03-31", "2020-12-31", "2018-02", "2020-12")]
    [InlineData("RDC", "2019-04-01", "2023-06-30", "2023-12-31", "2019-05", "2023-12")]
    [InlineData("ADI", "2023-12-01", "2026-10-31", "2028-12-31", "2024-01", "2026-10")]
    [InlineData("SFL", "2023-12-01", "2026-10-31", "2027-12-31", "2024-01", "2026-10")]
    public void Each_measure_lives_in_its_own_years(string measure, string firstApplied, string lastApplied, string lastEnd, string firstPaid, string lastPaid)
    {
        Assert.True(export.Count($"select count(*) from households where measure = '{measure}'") > 100, $"too few {measure} households");
        Assert.Equal(0, export.Count($"""
            select count(*) from households where measure = '{measure}' and (application_date::date < DATE '{firstApplied}'
              or application_date::date > DATE '{lastApplied}' or benefit_end_date::date > DATE '{lastEnd}')
            """));
        Assert.Equal(0, export.Count($"""
            select count(*) from payments p join households h using (household_id)
            where h.measure = '{measure}' and (p.period < '{firstPaid}' or p.period > '{lastPaid}')
            """));
        // The applications reach both ends of the measure's window (months, not just a corner of it).
        Assert.Equal(firstApplied[..7], export.Column($"select min(application_date)[1:7] from households where measure = '{measure}'")[0]);
        Assert.Equal(lastApplied[..7], export.Column($"select max(application_date)[1:7] from households where measure = '{measure}'")[0]);
    }

    [Fact]
    public void The_series_is_paid_every_month_from_REI_to_the_reference_date_and_the_earlier_measures_are_over()
    {
        // February 2018 (REI's first payments) to October 2026: 105 months, none missing.
        Assert.Equal(105, export.Count("select count(distinct period) from payments"));
        Assert.Equal("2018-02", export.Column("select min(period) from payments")[0]);
        Assert.Equal(0, export.Count("select count(*) from households where measure in ('REI','RDC') and status not in ('ended','revoked','rejected')"));
        Assert.Equal(0, export.Count("select count(*) from cases c join households h using (household_id) where h.measure in ('REI','RDC')"));
    }

    [Fact]
    public void A_renewed_ADI_spell_pays_18_months_skips_one_and_pays_12_more()
    {
        // benefit_start on the 1st; a renewed spell ends on the last day of its 31st month (18 + 1 pause + 12).
        const string renewed = "measure = 'ADI' and benefit_end_date::date = benefit_start_date::date + interval 31 month - interval 1 day";
        var total = export.Count("select count(*) from households where measure = 'ADI' and benefit_start_date is not null");
        var count = export.Count($"select count(*) from households where {renewed}");
        Assert.True(count > total / 4, $"{count} renewed of {total} ADI spells");
        // No renewed spell is paid in its 19th month (the pause); those still paid by the 20th are paid in it.
        Assert.Equal(0, export.Count($"""
            select count(*) from payments p join households h using (household_id)
            where h.{renewed} and p.period = strftime(h.benefit_start_date::date + interval 18 month, '%Y-%m')
            """));
        Assert.True(export.Count($"""
            select count(*) from payments p join households h using (household_id)
            where h.{renewed} and p.period = strftime(h.benefit_start_date::date + interval 19 month, '%Y-%m')
            """) > count / 2);
    }

    [Fact]
    public void Proportions_are_the_programme_s_and_the_rows_about_four_times_the_national_preset_s()
    {
        var period = export.Count("select count(*) from households where measure in ('ADI','SFL')");
        var legacy = export.Count("select count(*) from households where measure in ('REI','RDC')");
        Assert.InRange(legacy / (double)period, MeasureHistoryShare - 0.05, MeasureHistoryShare + 0.05);
        // REI: its stock in early 2018 and its applications until March 2019 (18% of the earlier measures' households).
        Assert.InRange(export.Count("select count(*) from households where measure = 'REI'") / (double)legacy, 0.15, 0.21);
        Assert.InRange(export.Count("select count(*) from households where measure = 'SFL'") / (double)period, 0.07, 0.13);

        var national = Path.Combine(export.Root, "national");
        var nationalRows = ExportGenerator.Generate(new GeneratorOptions
        {
            Preset = GeneratorPreset.National, Scale = HistoryExportFixture.Scale, Seed = TinyExportFixture.Seed,
            OutputDirectory = national, ReferenceDate = TinyExportFixture.ReferenceDate,
        }).Files.Sum(f => f.Rows);
        var historyRows = export.Summary.Files.Sum(f => f.Rows);
        Assert.InRange(historyRows / (double)nationalRows, 3.5, 4.5);
    }

    // MeasureHistory.WholeHistoryShare, written out: the test states the proportion it expects.
    const double MeasureHistoryShare = 3.2;
}
