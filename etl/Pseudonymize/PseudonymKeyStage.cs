using Monitoring.Etl.Pipeline;
using Monitoring.Warehouse.Pseudonyms;

namespace Monitoring.Etl.Pseudonymize;

/// <summary>
/// First of all: the secret key every pseudonym is made with. Without one (outside demo mode) the run is refused
/// (<see cref="PseudonymKeyException"/>) before a byte of the export is read; a demo key is used with a warning.
/// </summary>
public sealed class PseudonymKeyStage : IPipelineStage
{
    public void Run(RunContext run)
    {
        run.Key = PseudonymKey.Resolve(run.Options.Demo);
        if (run.Key.Warning is not null) run.Stages.Warn(run.Key.Warning);
    }
}
