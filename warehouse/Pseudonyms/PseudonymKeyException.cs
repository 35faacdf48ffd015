namespace Monitoring.Warehouse.Pseudonyms;

/// <summary>
/// No usable pseudonym key: none configured outside demo mode, a key file that does not exist, a key that is
/// neither hex nor base64 or too short. A run refuses (exit 2) on it; the coordinator's lookup says it is
/// unavailable. An <see cref="InvalidOperationException"/>, as the key's problems always were.
/// </summary>
public sealed class PseudonymKeyException(string message) : InvalidOperationException(message);
