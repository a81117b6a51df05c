namespace MigrantAid.Web;

/// <summary>
/// Marker for the one resource set of the portal's user-visible strings
/// (Resources/SharedResource.resx and SharedResource.ru.resx). Keys are the English text.
/// </summary>
public sealed class SharedResource;
