using Monitoring.Warehouse.Pseudonyms;
using System.Diagnostics;
using System.Text.Json;
using DuckDB.NET.Data;
using Monitoring.Etl.Contract;
using Monitoring.Etl.Lake;
using Monitoring.Etl.Pseudonymize;
using Monitoring.Etl.Read;
using Monitoring.Etl.Validate;
using Monitoring.DataDir.Operations;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;
using Monitoring.Warehouse.StarSchema;
using Monitoring.DataDir.Runs;

namespace Monitoring.Etl.Pipeline;

/// <summary>
/// Runs one export through read → validate → pseudonymize → lake → star schema → publish.
/// Personal data exists in clear only inside the in-memory landing database and, for a .zip, the
/// landing folder; both are gone when the run ends. The new snapshot is published only when
/// complete; a refused, failed or killed run leaves the snapshot in service untouched.
/// </summary>
public static class PipelineRunner
{
    /// <summary>Never throws for bad input: the report's status says refused/failed with a clear message.</summary>
    public static Task<RunReport> RunAsync(PipelineOptions options, IProgress<PipelineProgress>? progress = null, CancellationToken ct = default)
        => Task.Run(() => Run(options, progress, ct), ct);

    public static RunReport Run(PipelineOptions options, IProgress<PipelineProgress>? progress = null, CancellationToken ct = default)
    {
        var store = new SnapshotStore(options.DataDir);
        var dir = store.Dir;
        var report = new RunReport { RunId = SnapshotStore.NewRunId(DateTimeOffset.UtcNow), StartedAt = DateTimeOffset.UtcNow, Source = options.Source };
        var clock = Stopwatch.StartNew();
        WriterLock? writerLock;
        try
        {
            Directory.CreateDirectory(dir.RunsDir);
            if (!WriterLock.TryAcquire(dir.Root, $"pipeline run {report.RunId} (pid {Environment.ProcessId})", out writerLock, out var heldBy))
            {
                report.Status = "refused";
                report.Error = $"another run holds the writer lock on {dir.Root}: {heldBy}";
                return Finish(report, dir, options, clock);
            }
        }
        catch (Exception e) when (StorageProblem.Describe(e, dir.Root) is { } problem)
        {
            // DATA_DIR read-only, full or not ours: nothing can start, and the report may not be writable either.
            report.Status = "failed";
            report.Error = problem;
            return Finish(report, dir, options, clock);
        }
        using (writerLock)
        {
            var stages = new StageTimer(report, progress);
            try
            {
                // Leftovers of a killed run (an unpacked .zip is personal data in clear) go first: holding
                // the writer lock, no other run can be using them.
                var removed = LandingArea.Clean(dir);
                if (removed > 0) stages.Warn($"landing: removed {removed} folder(s) left by a run that was stopped");
                RunLocked(options, store, report, stages, ct);
                report.Status = "succeeded";
            }
            catch (ExportRefusedException e) { report.Status = "refused"; report.Error = e.Message; }
            catch (OperationCanceledException) { report.Status = "failed"; report.Error = "cancelled"; }
            catch (InvalidOperationException e) when (e.Message.Contains("pseudonym key")) { report.Status = "refused"; report.Error = e.Message; }
            catch (Exception e)
            {
                report.Status = "failed";
                // First line only: engine messages may quote data further down.
                report.Error = StorageProblem.Describe(e, dir.Root) ?? $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
            }
            finally
            {
                TryDelete(dir.Landing(report.RunId));
                if (report.Status != "succeeded") TryDelete(dir.Building(report.RunId));
            }
            if (report.Status != "succeeded") report.CountNothingLoaded(report.Status == "refused" ? "export_refused" : "run_failed");
        }
        return Finish(report, dir, options, clock);
    }

    static void RunLocked(PipelineOptions options, SnapshotStore store, RunReport report, StageTimer stages, CancellationToken ct)
    {
        var dir = store.Dir;
        var key = PseudonymKey.Resolve(options.Demo);
        if (key.Warning is not null) stages.Warn(key.Warning);
        var landing = Directory.CreateDirectory(dir.Landing(report.RunId)).FullName;
        var building = Directory.CreateDirectory(dir.Building(report.RunId)).FullName;
        using var source = ExportSource.Open(options.Source, landing);

        // 1. The manifest and each file's fingerprint: a truncated or corrupted file refuses the export.
        var manifest = Manifest.Load(source.Folder);
        report.ExportId = manifest.ExportId; report.Kind = manifest.Kind;
        report.ReferenceDate = manifest.ReferenceDate.ToString("yyyy-MM-dd");
        var previous = store.CurrentSnapshotDir();
        if (manifest.IsDelta && previous is null)
            throw new ExportRefusedException($"manifest.json: kind is delta but there is no previous load to apply it to; load a full export first");
        var files = ExportFiles.Resolve(manifest, source.Folder);
        var fingerprints = stages.Run("verify", null, () => ExportFiles.Verify(manifest, source.Folder, files, report));
        ct.ThrowIfCancellationRequested();

        using var conn = LandingDatabase.Open(landing);
        LandingDatabase.LoadReference(conn);
        if (manifest.IsDelta) PreviousState.CheckCompatible(conn, previous!);

        // 2. Read every file as text, rows in file order, malformed records set aside.
        var loaded = new Dictionary<FileSpec, RawCsvLoader.Result>();
        foreach (var file in files)
        {
            var path = Path.Combine(source.Folder, file.FileName);
            if (fingerprints[file.FileName].MixesLineEnds())
            {
                // CR LF and LF in one file: read a copy with LF only (same lines), kept in the landing folder.
                var normalized = Path.Combine(DataDirectory.LineEndsDir(landing), file.FileName);
                stages.Run("line_ends", file.FileName, () => LineEndNormalizer.Normalize(path, normalized));
                path = normalized;
            }
            var result = stages.Run("read", file.FileName, () => RawCsvLoader.Load(conn, path, file));
            var read = result.Parsed + result.Malformed;
            if (read != manifest.Files[file.FileName].Rows)
                throw new ExportRefusedException($"{file.FileName}: {read} data rows read but the manifest announces {manifest.Files[file.FileName].Rows}: the file is truncated or corrupted");
            loaded[file] = result;
            report.Files[file.FileName] = new FileCounts { Read = read, UnknownColumns = result.UnknownColumns.ToList() };
            stages.Rows(file.FileName, read);
            ct.ThrowIfCancellationRequested();
        }

        // 3. Pseudonyms for every identifier, once per distinct value. Validation needs none of them
        // on a full export, so they are computed on a second connection meanwhile (their .NET half
        // would leave a core idle otherwise); a delta's validation matches ids to the state in
        // service through them, so there they come first.
        var pseudonymizer = new Pseudonymizer(key);
        // Duplicated here, not on the worker: a DuckDBConnection is not for use from two threads at once.
        var second = manifest.IsDelta ? null : conn.Duplicate();
        var pseudonyms = second is null
            ? Task.FromResult(Timed(() => PseudonymMaps.Build(conn, pseudonymizer, loaded.Keys)))
            : Task.Run(() => { using (second) { second.Open(); return Timed(() => PseudonymMaps.Build(second, pseudonymizer, loaded.Keys)); } }, ct);
        try
        {
            // 4. Validate in dependency order (references resolve only to rows that passed).
            var outcomes = new Dictionary<FileSpec, FileValidator.Outcome>();
            foreach (var file in ExportContract.Files)
            {
                if (loaded.TryGetValue(file, out var raw))
                    outcomes[file] = stages.Run("validate", file.FileName, () =>
                        FileValidator.Validate(conn, file, manifest.ReferenceDate, raw.PresentColumns, PreviousState.KnownIdsSql(file, previous, manifest.IsDelta)));
                else
                    // A delta without this file: its rows carry over unchanged (lake files linked,
                    // warehouse table kept); only its ids are needed, for the delta's references.
                    PreviousState.KnownFromPreviousOnly(conn, file, previous!);
                ct.ThrowIfCancellationRequested();
            }
            stages.Record("pseudonymize", pseudonyms.GetAwaiter().GetResult());

            // Quarantine and stage the rows that passed (rename, cast, pseudonyms in, personal data out).
            var quarantineDir = Directory.CreateDirectory(dir.Quarantine(report.RunId)).FullName;
            foreach (var file in ExportContract.Files.Where(loaded.ContainsKey))
            {
                var lake = LakeTable.For(file.Stem);
                var raw = loaded[file];
                var outcome = outcomes[file];
                var counts = report.Files[file.FileName];
                counts.Quarantined = outcome.Quarantined + raw.Malformed;
                counts.Loaded = counts.Read - counts.Quarantined;
                counts.Reasons = outcome.Reasons;
                if (raw.Malformed > 0) counts.Reasons["malformed_row"] = raw.Malformed;
                if (counts.Quarantined > 0)
                    QuarantineWriter.Write(conn, file, fingerprints[file.FileName].HasEmbeddedLineBreaks(counts.Read),
                        Path.Combine(quarantineDir, file.FileName));
                stages.Run("stage", file.FileName, () =>
                    Sql.Exec(conn, $"CREATE OR REPLACE TABLE {lake.Table} AS {SqlModels.Load($"staging/{lake.Table}.sql")}"));
                QuarantineByAts.Count(conn, file.Stem);
                // The raw text (personal data in clear) is no longer needed: free the memory now.
                Sql.Exec(conn, $"DROP VIEW IF EXISTS valid_{file.Stem}; DROP VIEW raw_{file.Stem}; DROP TABLE csv_{file.Stem}; DROP TABLE bad_{file.Stem}; " +
                    $"DROP TABLE IF EXISTS rejects_{file.Stem}; DROP TABLE IF EXISTS rejects_scan_{file.Stem}; DROP TABLE IF EXISTS malformed_{file.Stem}");
                ct.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            // Never leave the second connection working on a database about to be closed.
            try { pseudonyms.Wait(CancellationToken.None); } catch (Exception) { /* reported by the await above */ }
        }

        // A snapshot that quarantines too much of a file, or loses too many rows against the one in
        // service, is refused before anything is written (thresholds in PublishGuard).
        options.Guard.Check(report, conn, previous, manifest.IsDelta, stages.Warn);

        // 5. The lake, then the warehouse snapshot beside the one in service.
        var lakeDir = DataDirectory.LakeDir(building);
        // Row order mattered only while reading (record → line number); writing without it is ~40% faster.
        Sql.Exec(conn, "SET preserve_insertion_order = false");
        var staged = LakeTable.All.Where(t => loaded.Keys.Any(f => f.Stem == t.Stem)).ToList();
        var warehouseFile = DataDirectory.WarehouseFile(building);
        IReadOnlyList<string>? changedTables;
        if (!manifest.IsDelta)
        {
            foreach (var lake in LakeTable.All)
                stages.Run("lake", lake.Stem + ".parquet", () => LakeWriter.Write(conn, lake, lakeDir));
            ct.ThrowIfCancellationRequested();
            changedTables = stages.Run("warehouse_load", null, () => WarehouseLoader.Load(conn, warehouseFile, manifest, report, staged, null));
        }
        else
        {
            // A delta's rows are upserted into a copy of the warehouse in service; the lake files of the
            // tables it carries are then written from there (the whole new state), the others linked.
            changedTables = stages.Run("warehouse_load", null, () => WarehouseLoader.Load(conn, warehouseFile, manifest, report, staged, previous));
            ct.ThrowIfCancellationRequested();
            Sql.Exec(conn, $"ATTACH '{warehouseFile.Replace("'", "''")}' AS state (READ_ONLY)");
            foreach (var lake in LakeTable.All)
            {
                if (staged.Contains(lake)) stages.Run("lake", lake.Stem + ".parquet", () => LakeWriter.Write(conn, lake, lakeDir, $"state.{lake.Table}"));
                else stages.Run("lake", lake.Stem + " (carried)", () => LakeCarry.Carry(lake, DataDirectory.LakeDir(previous!), lakeDir));
            }
            Sql.Exec(conn, "DETACH state");
        }
        ct.ThrowIfCancellationRequested();
        conn.Close();
        using (var wh = new DuckDBConnection($"Data Source={warehouseFile}"))
        {
            wh.Open();
            // A delta rebuilds only the marts and indicators downstream of the tables it changed.
            if (changedTables is null) StarSchemaBuilder.Build(wh, (stage, seconds) => stages.Record(stage, seconds));
            else report.PartialRebuild = StarSchemaBuilder.Rebuild(wh, changedTables, (stage, seconds) => stages.Record(stage, seconds));
            Sql.Exec(wh, "CHECKPOINT");
        }
        ct.ThrowIfCancellationRequested();

        // 6. Publish: the report travels with the snapshot, then the atomic swap.
        report.Status = "succeeded";
        File.WriteAllText(DataDirectory.SnapshotRunReport(building), JsonSerializer.Serialize(report, ReportJson.Options));
        stages.Run("publish", null, () => store.Publish(report.RunId));
        stages.Run("episodes", null, () => EpisodeRegisterStep.Run(dir.Root, report));
    }

    static double Timed(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Writes the report where it can: a full or read-only DATA_DIR must not turn a clear failure into a crash.</summary>
    static RunReport Finish(RunReport report, DataDirectory dir, PipelineOptions options, Stopwatch clock)
    {
        report.FinishedAt = DateTimeOffset.UtcNow;
        report.StageSeconds["total"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
        report.PeakMemoryMb = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1);
        var json = JsonSerializer.Serialize(report, ReportJson.Options);
        var notWritten = new List<string>();
        void Write(string path)
        {
            try
            {
                var parent = Path.GetDirectoryName(Path.GetFullPath(path));
                if (parent is not null) Directory.CreateDirectory(parent);
                File.WriteAllText(path, json);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryDeleteFile(path); // never leave half a report
                notWritten.Add($"{path} ({StorageProblem.Describe(e, Path.GetDirectoryName(Path.GetFullPath(path)) ?? path) ?? e.Message})");
            }
        }
        Write(dir.RunReport(report.RunId));
        if (options.ReportPath is { } extra) Write(extra);
        if (notWritten.Count > 0) report.ReportNotWritten = "the run report could not be written to " + string.Join(" nor ", notWritten);
        return report;
    }

    static void TryDeleteFile(string path)
    {
        try { File.Delete(path); } catch (Exception) { /* the file system refuses even that */ }
    }

    static void TryDelete(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { /* housekeeping removes leftovers */ }
    }
}

public sealed record PipelineProgress(string Stage, string? File, long Rows, double Seconds);
