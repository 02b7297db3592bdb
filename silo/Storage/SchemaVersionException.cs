namespace NetworkHub.Silo.Storage;

/// <summary>The database is not at the schema version this build knows; the message says what to do.</summary>
public sealed class SchemaVersionException(string message) : InvalidOperationException(message);
