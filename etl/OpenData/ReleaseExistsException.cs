namespace Monitoring.Etl.OpenData;

/// <summary>The release folder for this snapshot exists already; releases are immutable.</summary>
public sealed class ReleaseExistsException(string message) : Exception(message);
