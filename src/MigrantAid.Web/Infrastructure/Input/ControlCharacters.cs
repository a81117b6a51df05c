namespace MigrantAid.Web.Infrastructure.Input;

/// <summary>
/// The one rule for text typed into the portal: control characters other than tab, carriage return and line
/// feed are refused. PostgreSQL cannot store U+0000 in text at all, and the others (U+0001–U+0008, U+000B,
/// U+000C, U+000E–U+001F, U+007F) have no place in a name, a note or a search. The C1 range U+0080–U+009F is
/// refused too: no keyboard types it, it arrives only from text decoded with the wrong code page or on purpose,
/// it is invisible on the page (two names would look the same yet never match in search or duplicate checks),
/// and some readers of our exports take U+0085 for a line break.
/// </summary>
public static class ControlCharacters
{
    /// <summary>The message shown at the field, a key of SharedResource.</summary>
    public const string Message = "This field contained a control character that cannot be saved. It was removed: check the text and submit again.";

    public static bool IsRefused(char c) => char.IsControl(c) && c is not ('\t' or '\r' or '\n');

    public static bool Contains(string value)
    {
        foreach (var c in value)
        {
            if (IsRefused(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text without the refused characters, everything else as typed.</summary>
    public static string Remove(string value) => string.Create(value.Length - value.Count(IsRefused), value, (span, text) =>
    {
        var i = 0;
        foreach (var c in text)
        {
            if (!IsRefused(c))
            {
                span[i++] = c;
            }
        }
    });
}
