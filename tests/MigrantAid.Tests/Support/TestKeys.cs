namespace MigrantAid.Tests.Support;

/// <summary>The key-encryption key of the test portals (base64 of 32 bytes); never used outside the tests.</summary>
public static class TestKeys
{
    public const string KeyEncryptionKey = "dGVzdC1vbmx5IGtleS1lbmNyeXB0aW9uIGtleSAzMkI=";
}
