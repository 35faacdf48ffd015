using Monitoring.Etl.Pipeline;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Etl.Lake;

/// <summary>
/// The lake: Parquet of the state the warehouse now holds, one folder per table. Written after the warehouse so
/// the two cannot disagree (docs/ARCHITECTURE.md, "The flow"). A table the export carries is written from the
/// warehouse's table (a full export's staged rows, written there once by the staging stage; a delta's upserted
/// table); a table a delta does not carry is linked from the snapshot in service.
/// </summary>
public sealed class LakeStage : IPipelineStage
{
    public void Run(RunContext run)
    {
        var conn = run.Landing;
        var staged = run.Staged;
        Sql.Exec(conn, $"ATTACH {Sql.Literal(run.WarehouseFile)} AS state (READ_ONLY)");
        foreach (var lake in LakeTable.All)
        {
            if (!staged.Contains(lake))
                run.Stages.Run("lake", lake.Stem + " (carried)", () => LakeCarry.Carry(lake, DataDirectory.LakeDir(run.Previous!), run.LakeDir));
            else
                run.Stages.Run("lake", lake.Stem + ".parquet", () => LakeWriter.Write(conn, lake, run.LakeDir, $"state.{lake.Table}"));
        }
        Sql.Exec(conn, "DETACH state");
    }
}
