using static MigrantAid.Web.Features.Exports.ExportColumn;

namespace MigrantAid.Web.Features.Exports;

/// <summary>The organisation export's files of the organisation itself (<see cref="ExportCatalogue"/>).</summary>
public static class ExportOrganisationFiles
{
    /// <summary>The organisation itself: offices, staff (names kept, nothing that reaches them) and complaint categories.</summary>
    public static ExportFile[] All =>
    [
        new("offices.csv", "offices", "The organisation's offices.", ["id"],
        [
            Id("id", "Office id."),
            Text("code", "Prefix of the office's case references (may be empty)."),
            Text("name", "Office name."),
            Text("city", "City of the office."),
            Text("country_code", "ISO 3166-1 alpha-2 country of the office."),
            Text("time_zone_id", "IANA time zone the office's dates are shown in."),
            Instant("created_at", "When the office was created."),
        ], []),

        new("users.csv", "users", "Staff accounts.", ["id"],
        [
            Id("id", "User id (referenced by other files as *_by, caseworker_id, lead_lawyer_id, user_id, assignee_id)."),
            Text("full_name", "Staff member's name."),
            Text("roles", "Roles, separated by \";\" (Admin, Coordinator, Lawyer, Caseworker).",
                "(SELECT string_agg(r.name, ';' ORDER BY r.name) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = t.id)"),
            Id("office_id", "Office of the user (offices.csv id), empty when none."),
            Bool("is_active", "False when the account is disabled."),
            Text("preferred_language", "Portal language (en or ru)."),
            Instant("created_at", "When the account was created."),
        ], ["e-mail address and user name", "phone number", "password hash, security stamps, two-factor and lockout data"]),

        new("categories.csv", "complaint_categories", "Complaint categories of cases.", ["id"],
        [
            Number("id", "Category id."),
            Text("code", "Stable code, e.g. labour.unpaid-wages."),
            Text("group_code", "Group, e.g. labour, detention, documents, children."),
            Text("name_en", "Name in English."),
            Text("name_ru", "Name in Russian."),
            Number("sort_order", "Position in lists."),
            Bool("is_active", "False when the category is no longer offered for new cases."),
        ], []),
    ];
}
