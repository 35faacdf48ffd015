using DuckDB.NET.Data;

namespace Monitoring.DataDir.FollowUp;

/// <summary>
/// The tables of followup.duckdb. The month-keyed tables of the first register (<c>followup</c>,
/// <c>followup_history</c>) are left as they were: <see cref="MonthKeyedMigration"/> carries their entries onto
/// episodes and records each one it carried in <c>followup_migrated</c>.
/// </summary>
internal static class RegisterSchema
{
    public static void Ensure(DuckDBConnection connection) =>
        FollowUpRegister.Exec(connection, """
            create table if not exists episodes (
                episode_id           varchar primary key,   -- indicator:ATS:first flagged month, as first seen; never changes
                indicator_id         varchar not null,
                ats_code             varchar not null,
                region_code          varchar,
                start_month          varchar not null,
                start_value          double,
                start_national_value double,
                start_severity       varchar not null,
                worst_severity       varchar not null,
                last_flagged_month   varchar not null,
                months_flagged       integer not null,
                recovery_months      integer not null,
                recovered_month      varchar,               -- computed from the data at each load; null = not (yet) recovered
                latest_month         varchar not null,
                latest_value         double,
                latest_severity      varchar not null,
                in_current_data      boolean not null,      -- false when the snapshot in service no longer shows it
                status               varchar not null check (status in ('open', 'contacted', 'assistance_activated', 'resolved', 'closed_no_action')),
                reason               varchar,               -- why closed_no_action
                notes                varchar,
                updated_by_id        varchar not null,
                updated_by_name      varchar not null,
                updated_at           timestamp not null,    -- UTC
                assistance_month     varchar,               -- latest loaded month when assistance was first activated
                assistance_at        timestamp,
                assistance_value     double,
                opened_at            timestamp not null,
                opened_run           varchar);
            create table if not exists episode_months (
                episode_id varchar not null, month varchar not null, value double, national_value double, n double,
                lower_alarm double, lower_warning double, upper_warning double, upper_alarm double, severity varchar not null,
                primary key (episode_id, month));
            create sequence if not exists episode_change_id;
            create table if not exists episode_history (
                change_id       bigint primary key,
                episode_id      varchar not null,
                kind            varchar not null,           -- opened | status | recovered | migrated
                previous_status varchar,
                status          varchar not null,
                reason          varchar,
                notes           varchar,
                changed_by_id   varchar not null,
                changed_by_name varchar not null,
                changed_by_role varchar not null,
                changed_at      timestamp not null,
                run_id          varchar);
            create table if not exists register_meta (key varchar primary key, value varchar);
            create table if not exists followup_migrated (
                indicator_id varchar, ats_code varchar, month varchar, episode_id varchar, migrated_at timestamp,
                primary key (indicator_id, ats_code, month));
            """);
}
