namespace MigrantAid.Web.Infrastructure.Files;

/// <summary>A file to download: bytes, content type and name.</summary>
public sealed record FileDownload(byte[] Content, string ContentType, string FileName);
