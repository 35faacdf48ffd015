using Monitoring.Tools.Generate;

namespace Monitoring.Tests.Dashboards.Maps;

/// <summary>The tiny-italy preset: every region and ATS with few households each, so disclosure control hides cells.</summary>
public sealed class ItalyMapsApp() : PresetApp(GeneratorPreset.TinyItaly, "maps");
