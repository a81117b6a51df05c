namespace MigrantAid.Web.Features.Shared.Forms;

/// <summary>
/// What is wrong with one submitted form, field by field ("" is the form as a whole). It starts with what
/// binding and the input's attributes already refused, and a handler adds its own rules' messages with
/// <c>errors.Add(nameof(input.X), a localized message)</c>. It knows no MVC: a handler is tested with <c>new FormErrors()</c>,
/// and the controller helper (<see cref="FormResults"/>) copies the handler's messages back to the page.
/// </summary>
public sealed class FormErrors
{
    private readonly HashSet<string> _refusedByBinding;
    private readonly Dictionary<string, List<string>> _added = new(StringComparer.Ordinal);

    /// <param name="inputWasValid">Whether binding and validation accepted the input as posted.</param>
    /// <param name="refusedFields">The fields binding or validation refused (their keys as posted, prefix included).</param>
    public FormErrors(bool inputWasValid = true, IEnumerable<string>? refusedFields = null)
    {
        InputWasValid = inputWasValid;
        _refusedByBinding = new HashSet<string>(refusedFields ?? [], StringComparer.Ordinal);
    }

    /// <summary>Whether binding and validation accepted the input before the handler looked at it.</summary>
    public bool InputWasValid { get; }

    /// <summary>Nothing refused: neither by binding and validation nor by the handler.</summary>
    public bool IsValid => InputWasValid && _added.Count == 0;

    /// <summary>The handler's own messages, field by field, in the order they were added.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Added =>
        _added.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="field"/> is refused already (so a rule that reads its value can stay quiet).</summary>
    public bool Has(string field) => _refusedByBinding.Contains(field) || _added.ContainsKey(field);

    /// <summary>Refuses <paramref name="field"/> with a message (already localized).</summary>
    public void Add(string field, string message)
    {
        if (!_added.TryGetValue(field, out var messages))
        {
            _added[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>A message about the form as a whole, shown above it.</summary>
    public void AddToForm(string message) => Add("", message);
}
