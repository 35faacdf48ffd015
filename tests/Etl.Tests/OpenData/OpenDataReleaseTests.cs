using System.Globalization;
using Monitoring.Etl.OpenData;
using Monitoring.Tests.Etl.Support;
using Monitoring.Warehouse.Disclosure;
using Parquet;
using Monitoring.DataDir.Releases;

namespace Monitoring.Tests.Etl.OpenData;

[Collection(TinyWarehouseCollection.Name)]
public class OpenDataReleaseTests(TinyWarehouseFixture fx)
{
    ReleaseFixture R => fx.Release;
    string File_(string name) => Path.Combine(R.Folder, name);

    /// <summary>DuckDB with the release's indicators CSV as a view (all text, as a reader sees it) and the warehouse attached read-only.</summary>
    Duck Open()
    {
        var d = Duck.Memory();
        d.Exec($"create view csv as select * from read_csv({Duck.Lit(File_("indicators.csv"))}, header=true, delim=',', quote='\"', escape='\"', all_varchar=true)");
        d.Exec($"attach {Duck.Lit(fx.WarehouseFile)} as wh (read_only)");
        return d;
    }

    [Fact]
    public void The_release_is_a_new_folder_named_by_reference_date_and_run_and_latest_json_names_it()
    {
        Assert.Equal($"2026-10-31_r{fx.RunId}", Path.GetFileName(R.Folder));
        Assert.Equal(Path.GetFileName(R.Folder), OpenDataReleases.LatestId(R.OutDir));
        foreach (var f in new[] { "indicators.csv", "indicators.parquet", "territories.csv", "territories.parquet", "dictionary.md", "dictionary.csv", "datapackage.json", "dcat.jsonld", "README.md", "release.json" })
            Assert.True(File.Exists(File_(f)), f);
        Assert.Empty(Directory.GetDirectories(R.OutDir).Where(d => Path.GetFileName(d).StartsWith('.')));
        Assert.Contains("Fonte: ISTAT — CC BY 3.0 IT", File.ReadAllText(File_("README.md")));
        Assert.Contains("Fonte: ISTAT — CC BY 3.0 IT", File.ReadAllText(File_("dictionary.md")));
    }

    [Fact]
    public void Publishing_the_same_snapshot_again_is_refused_and_leaves_the_release_untouched()
    {
        var before = File.ReadAllBytes(File_("indicators.csv"));
        Assert.Throws<ReleaseExistsException>(() => OpenDataPublisher.Publish(fx.DataDir, R.OutDir));
        Assert.Equal(before, File.ReadAllBytes(File_("indicators.csv")));
        Assert.Single(Directory.GetDirectories(R.OutDir));
    }

    [Fact]
    public void The_release_listing_shows_the_release_with_its_files()
    {
        var list = OpenDataReleases.List(R.OutDir);
        var rel = Assert.Single(list);
        Assert.True(rel.IsLatest);
        Assert.Equal(fx.RunId, rel.RunId);
        Assert.Equal("2026-10-31", rel.ReferenceDate);
        Assert.Contains(rel.Files, f => f.Name == "indicators.parquet" && f.Bytes > 0 && f.MediaType == "application/vnd.apache.parquet");
    }

    [Fact]
    public void Only_public_indicators_at_national_region_and_ats_level_are_released_and_no_staffing_at_ats()
    {
        using var d = Open();
        var released = d.Column("select distinct indicator_id from csv order by 1");
        var publicIds = d.Column("select indicator_id from wh.indicator_catalogue where is_public order by 1");
        Assert.Equal(publicIds, released);
        Assert.Equal(["ats", "national", "region"], d.Column("select distinct level from csv order by 1"));
        Assert.Equal(0, d.Count("select count(*) from csv where level = 'ats' and indicator_id in ('case_managers_active','case_manager_fte','residents_per_case_manager','open_cases_per_case_manager')"));
        // one row per public warehouse value at these levels
        Assert.Equal(d.Count("select count(*) from wh.indicator_values v join wh.indicator_catalogue c using (indicator_id) where c.is_public and v.level in ('ats','region','national')"),
            d.Count("select count(*) from csv"));
    }

    [Fact]
    public void Small_counts_show_as_less_than_10_and_rates_over_small_denominators_are_withheld()
    {
        using var d = Open();
        const string joined = """
            select c.*, v.value as true_value, v.denominator as true_den, k.kind, k.min_denominator
            from csv c
            join wh.indicator_values v on v.indicator_id = c.indicator_id and v.level = c.level and v.territory_code = c.territory_code and v.month = c.month
            join wh.indicator_catalogue k on k.indicator_id = c.indicator_id
            """;
        // every count below 10 is "<10", and "<10" means exactly that
        Assert.True(d.Count($"select count(*) from ({joined}) where kind = 'count' and true_value < 10") > 0, "the tiny data should hold small counts");
        Assert.Equal(0, d.Count($"select count(*) from ({joined}) where kind = 'count' and true_value < 10 and (value <> '<10' or status <> 'small_count')"));
        Assert.Equal(0, d.Count($"select count(*) from ({joined}) where value = '<10' and not (kind = 'count' and true_value < 10)"));
        // a published count is the warehouse count
        Assert.Equal(0, d.Count($"select count(*) from ({joined}) where kind = 'count' and status = 'published' and cast(value as double) <> round(true_value)"));
        // no rate published over a denominator below max(20, its own minimum)
        Assert.Equal(0, d.Count($"select count(*) from ({joined}) where kind <> 'count' and status = 'published' and (true_den is null or true_den < greatest(20, min_denominator))"));
        Assert.Equal(0, d.Count($"select count(*) from ({joined}) where kind <> 'count' and status = 'published' and abs(cast(value as double) - true_value) > 0.01"));
        Assert.Equal(0, d.Count($"select count(*) from ({joined}) where status <> 'published' and value <> '<10'"));
    }

    [Fact]
    public void No_region_or_national_line_of_a_count_table_hides_exactly_one_cell_under_a_published_total()
    {
        using var d = Open();
        // ATS within a region, per count indicator and month, region total published
        var badAts = d.Count("""
            with cells as (
                select c.*, a.region_code as ats_region from csv c left join wh.dim_ats a on a.ats_code = c.territory_code
                where c.indicator_id in (select indicator_id from wh.indicator_catalogue where kind = 'count')
            ),
            lines as (
                select r.indicator_id, r.month, r.territory_code as region, count(*) filter (where a.status <> 'published') as hidden
                from cells r join cells a on a.level = 'ats' and a.ats_region = r.territory_code and a.indicator_id = r.indicator_id and a.month = r.month
                where r.level = 'region' and r.status = 'published'
                group by all
            )
            select count(*) from lines where hidden = 1
            """);
        Assert.Equal(0, badAts);
        Assert.True(d.Count("select count(*) from csv where status = 'secondary_suppression'") > 0, "the tiny data should need secondary suppression");
        // the lines are real: the ATS of a region add up to the region for every count indicator
        Assert.Equal(0, d.Count("""
            with ats as (
                select v.indicator_id, v.month, a.region_code, sum(v.value) as s
                from wh.indicator_values v join wh.dim_ats a on a.ats_code = v.territory_code
                join wh.indicator_catalogue k using (indicator_id)
                where v.level = 'ats' and k.kind = 'count' and k.is_public group by all
            )
            select count(*) from ats join wh.indicator_values r on r.indicator_id = ats.indicator_id and r.month = ats.month and r.level = 'region' and r.territory_code = ats.region_code
            where abs(r.value - ats.s) > 1e-9
            """));
    }

    [Fact]
    public void The_parquet_files_read_back_with_duckdb_with_the_same_rows_and_column_descriptions()
    {
        using var d = Open();
        var pq = Duck.Lit(File_("indicators.parquet"));
        Assert.Equal(d.Count("select count(*) from csv"), d.Count($"select count(*) from read_parquet({pq})"));
        Assert.Equal(0, d.Count($"""
            select count(*) from read_parquet({pq}) p join csv c using (indicator_id, level, territory_code, month)
            where p.status <> c.status or (p.value is null) <> (c.value is null or c.value = '<10')
            """));
        Assert.Equal("DOUBLE", d.Scalar($"select column_type from (describe select * from read_parquet({pq})) where column_name = 'value'"));
        var desc = d.Scalar($"select decode(value) from parquet_kv_metadata({pq}) where decode(key) = 'column:value'") as string;
        Assert.StartsWith("Published value", desc);
        Assert.Equal(d.Count("select count(*) from wh.dim_ats") + d.Count("select count(*) from wh.dim_region") + 1,
            d.Count($"select count(*) from read_parquet({Duck.Lit(File_("territories.parquet"))})"));
    }

    [Fact]
    public async Task The_parquet_files_read_back_with_parquet_net()
    {
        using var d = Open();
        var csvRows = d.Count("select count(*) from csv");
        var smallCounts = d.Count("select count(*) from csv where value = '<10'");
        await using var reader = await ParquetReader.CreateAsync(File_("indicators.parquet"));
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(ReleaseSchema.Indicators.Fields.Select(f => f.Name), fields.Select(f => f.Name));
        Assert.Equal("Public ADI monitoring indicators by month and territory", reader.CustomMetadata["title"]);
        long rows = 0, nullValues = 0, smallStatus = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            var n = (int)rg.RowCount;
            var values = new double?[n];
            await rg.ReadAsync<double>(fields.Single(f => f.Name == "value"), values.AsMemory());
            var status = new string[n];
            await rg.ReadAsync(fields.Single(f => f.Name == "status"), status.AsMemory());
            rows += n;
            nullValues += values.Count(v => v is null);
            smallStatus += status.Count(s => s == "small_count");
        }
        Assert.Equal(csvRows, rows);
        Assert.Equal(smallCounts, smallStatus);
        Assert.True(nullValues >= smallStatus);
    }
}
