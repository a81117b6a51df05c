namespace MigrantAid.Web.Domain;

/// <summary>A rule of the domain refused an operation; the message is an English resource key.</summary>
public sealed class DomainException(string message) : Exception(message);
