using System.Diagnostics;
using Monitoring.Tests.Warehouse.Support;
using Monitoring.Warehouse.StarSchema;
using Xunit.Abstractions;

namespace Monitoring.Tests.Warehouse.Bench;

/// <summary>
/// Builds the warehouse on synthetic staging tables of national size (600 ATS, 7,900
/// municipalities, 15,300 case managers, 700k households, 350k cases, ~3M events, ~10M payments,
/// 18 months) and prints each stage's seconds. Opt-in: WAREHOUSE_BENCH=1.
/// </summary>
public sealed class NationalScaleBench(ITestOutputHelper output)
{
    [BenchFact]
    public void Builds_national_scale_within_minutes()
    {
        using var dir = new TempDir();
        using var c = HandFixture.Open(dir["bench.duckdb"]);
        var clock = Stopwatch.StartNew();
        Db.Exec(c, """
            delete from stg_ambiti; delete from stg_ambito_comuni; delete from stg_operators; delete from stg_households;
            delete from stg_persons; delete from stg_cases; delete from stg_case_events; delete from stg_referrals;
            delete from stg_payments; delete from stg_budget; delete from ref_municipalities; delete from run_meta;
            select setseed(0.42);
            insert into stg_ambiti select printf('ATS-%02d-%03d', i % 20 + 1, i), 'Ambito ' || i, printf('%02d', i % 20 + 1) from range(600) t(i);
            insert into ref_municipalities select printf('%06d', i), 'Comune ' || i, '001', 'P', 'PP', printf('%02d', (i % 600) % 20 + 1), 'R', (500 + random() * 20000)::int from range(7900) t(i);
            insert into stg_ambito_comuni select printf('ATS-%02d-%03d', (i % 600) % 20 + 1, i % 600), printf('%06d', i), date '2015-01-01', case when i < 100 then date '2025-01-31' end from range(7900) t(i);
            insert into stg_ambito_comuni select printf('ATS-%02d-%03d', ((i + 1) % 600) % 20 + 1, (i + 1) % 600), printf('%06d', i), date '2025-02-01', null from range(100) t(i);
            insert into stg_operators select 'op' || i, 'case_manager', printf('ATS-%02d-%03d', (i % 600) % 20 + 1, i % 600),
                date '2023-01-01' + (random() * 900)::int, case when random() < 0.1 then date '2025-06-01' end, case when random() < 0.2 then 18 else 36 end from range(15300) t(i);
            insert into stg_households select 'h' || i, 'a' || i, printf('%06d', (random() * 7899)::int), 3, 1, 0, 0, 5000, 'ADI',
                date '2024-05-01' + (random() * 540)::int, null, null, 'social_services', 'active' from range(700000) t(i);
            insert into stg_cases select 'c' || i, 'h' || (i * 2), printf('ATS-%02d-%03d', (i % 600) % 20 + 1, i % 600), 'op' || (i % 15300),
                date '2024-05-01' + (random() * 540)::int, null, null from range(350000) t(i);
            update stg_cases set closed_date = opened_date + (30 + random() * 200)::int,
                closure_reason = case when random() < 0.5 then 'goals_achieved' else 'moved' end where random() < 0.4;
            update stg_cases set closed_date = null, closure_reason = null where closed_date > date '2025-10-31';
            insert into stg_case_events
                select 'e' || c.case_key || '-' || k, c.case_key,
                       (['assigned','convocation','first_meeting','preassessment_completed','assessment_completed','plan_signed','monitoring_meeting','monitoring_meeting','monitoring_meeting'])[k + 1],
                       least(c.opened_date + (k * (5 + (random() * 20)::int))::int, date '2025-10-31'), c.case_manager_key,
                       case when k = 2 then 'held' end, null
                from stg_cases c, range(9) r(k) where random() < 0.95;
            update stg_case_events set month = strftime(event_date, '%Y-%m');
            insert into stg_referrals select 'r' || i, 'c' || (i % 350000), 'housing', date '2024-06-01' + (random() * 400)::int,
                (['served','refused','no_capacity','pending'])[(random() * 3)::int + 1], date '2024-06-01' + (random() * 500)::int from range(500000) t(i);
            insert into stg_payments select 'h' || h.i, strftime((date '2024-05-01' + to_months(m.k::int))::date, '%Y-%m'), 500, (date '2024-05-27' + to_months(m.k::int))::date
                from range(700000) h(i), range(15) m(k);
            insert into stg_budget select ats_code, y, 'fondo', 100000, 80000, 50000 + random() * 40000 from stg_ambiti, (values (2024), (2025)) t(y);
            insert into run_meta values ('bench', 'bench', 'full', now(), date '2025-10-31', '2024-05', '2025-10', now());
            """);
        output.WriteLine($"staging generated in {clock.Elapsed.TotalSeconds:F1} s: " +
                         $"{Db.Count(c, "select count(*) from stg_case_events"):N0} events, {Db.Count(c, "select count(*) from stg_payments"):N0} payments");

        var stages = new Dictionary<string, double>();
        clock.Restart();
        if (Environment.GetEnvironmentVariable("WAREHOUSE_BENCH_MODELS") == "1")
        {
            // profile: one line per model
            MartRunner.Run(c, (model, seconds) => output.WriteLine($"  {model}: {seconds:F2} s"));
            Monitoring.Warehouse.Indicators.IndicatorRunner.Run(c, Monitoring.Warehouse.Indicators.IndicatorCatalogue.Load(),
                (model, seconds) => output.WriteLine($"  {model}: {seconds:F2} s"));
            clock.Restart();
        }
        AllModels.Build(c, (stage, seconds) => stages[stage] = seconds);
        foreach (var (stage, seconds) in stages) output.WriteLine($"{stage}: {seconds:F1} s");
        output.WriteLine($"total build {clock.Elapsed.TotalSeconds:F1} s; indicator rows {Db.Count(c, "select count(*) from indicator_values"):N0}; " +
                         $"flag rows {Db.Count(c, "select count(*) from flags"):N0}, flagged {Db.Count(c, "select count(*) from flags where severity <> 'none'"):N0}");
        Assert.True(clock.Elapsed.TotalMinutes < 10);
        Assert.Equal(18L, Db.Count(c, "select count(*) from dim_month"));
    }
}
