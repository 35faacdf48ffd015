namespace Monitoring.Etl.Schedule.Digest;

/// <summary>A digest not delivered; the message is safe to record (no address, no server reply text).</summary>
public sealed class DigestDeliveryException(string message, bool connectionLost) : Exception(message)
{
    /// <summary>True when the server cannot be reached at all: the other digests of this attempt would fail the same way.</summary>
    public bool ConnectionLost { get; } = connectionLost;
}
