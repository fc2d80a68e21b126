namespace FocusBot.Domain.Privacy;

/// <summary>
/// Encrypts a stored field that would link rows to people (teams beside answers, counted answers) so that someone
/// holding the storage but not the secret cannot read or compare it: equal values encrypt differently each time.
/// </summary>
public interface IFieldProtector
{
    string Protect(string plaintext);

    /// <summary>The plaintext of a protected value; a value stored before protection (legacy) comes back as it is.</summary>
    string Unprotect(string stored);
}
