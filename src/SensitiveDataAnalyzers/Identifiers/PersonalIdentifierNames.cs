using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SensitiveDataAnalyzers.Identifiers
{
    /// <summary>The kind of personal identifier an identifier name denotes.</summary>
    public enum PersonalIdentifierKind
    {
        /// <summary>The name does not denote a personal identifier.</summary>
        None,

        /// <summary>A telephone, mobile or fax number, an MSISDN, a caller id or ANI.</summary>
        PhoneNumber,

        /// <summary>A national identity number: SSN, personnummer, NIR, NHS number, BSN, PESEL, tax id and the like.</summary>
        NationalId,

        /// <summary>A patient identifier or medical record number.</summary>
        PatientId,

        /// <summary>A person's first, last, full, given, family or maiden name.</summary>
        Name,

        /// <summary>An email address.</summary>
        Email,

        /// <summary>A date of birth.</summary>
        BirthDate,

        /// <summary>A postal address or postal code.</summary>
        Address,

        /// <summary>A passport number.</summary>
        Passport,

        /// <summary>A bank account number or IBAN.</summary>
        BankAccount,

        /// <summary>A payment card number.</summary>
        PaymentCard,
    }

    /// <summary>
    /// Decides from its name alone whether a member, parameter, local, record component or JSON-bound property holds a
    /// personal identifier. Names are split into word tokens once and matched against a fixed multilingual vocabulary
    /// of whole words and consecutive-word phrases, so <c>Phonetic</c> or <c>Addressable</c> never match on a substring.
    /// </summary>
    /// <remarks>
    /// Runs for every identifier of every compilation in the IDE: one tokenization, then dictionary and set lookups;
    /// the vocabulary is built once and never grows.
    /// </remarks>
    public static class PersonalIdentifierNames
    {
        /// <summary>Phrase trie: the root's children are first words; glued spellings are one-word phrases.</summary>
        private static readonly Node Root = BuildVocabulary();

        /// <summary>
        /// A last word that makes the name about the value rather than the value itself (<c>PhoneNumberType</c>,
        /// <c>EmailValidator</c>, <c>SsnHash</c>), or an opaque key of a row (<c>AddressId</c>). Only applies when the
        /// word is not part of the matched phrase, so <c>ZipCode</c> and <c>PatientId</c> still match.
        /// </summary>
        private static readonly HashSet<string> MetadataSuffixes = new HashSet<string>(StringComparer.Ordinal)
        {
            // Named by the specification of this component.
            "type", "types", "kind", "kinds", "template", "templates", "format", "formats", "regex", "regexes",
            "pattern", "patterns", "label", "labels", "column", "columns", "validator", "validators", "validation",
            "length", "lengths", "count", "counts", "enabled", "verified", "confirmed", "issuer", "issuers", "mask",
            "masks", "masked", "hash", "hashes", "hashed", "prefix", "prefixes", "suffix", "suffixes", "style", "styles",
            "field", "fields", "header", "headers", "placeholder", "placeholders", "example", "examples", "description",
            "descriptions", "policy", "policies", "option", "options", "setting", "settings", "config", "configuration",
            "provider", "providers", "service", "services", "helper", "helpers", "formatter", "formatters", "parser",
            "parsers", "attribute", "attributes", "key", "keys", "status", "code", "codes", "visible", "visibility",
            "required", "max", "min", "index", "indexes", "indices", "changed", "updated",

            // Opaque row keys: AddressId is a foreign key, not an address.
            "id", "ids", "uid", "uids", "guid", "guids", "uuid", "uuids",

            // Code objects and flags that are named after what they handle.
            "client", "factory", "handler", "manager", "builder", "converter", "serializer", "normalizer", "generator",
            "resolver", "repository", "controller", "sender", "token", "tokens", "error", "errors", "exception",
            "verification", "confirmation", "disabled", "encrypted", "redacted", "anonymized", "pseudonymized",
            "tokenized", "valid", "invalid", "exists", "sent", "mode", "flag", "flags", "rule", "rules", "filter",
            "schema", "property", "textbox", "control", "button",

            // Parts and attributes of an identifier that do not identify anyone on their own.
            "expiry", "expiration", "cvv", "cvc", "domain", "country", "region", "locale", "culture", "language",
        };

        /// <summary>Words for where values are kept: a name ending in one holds a location, not the identifier.</summary>
        private static readonly HashSet<string> ContainerWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "path", "paths", "file", "files", "filename", "dir", "dirs", "directory", "directories", "folder", "folders",
            "url", "urls", "uri", "uris", "root", "store", "storage", "bucket", "container", "table", "list", "lists",
            "book", "books", "cache", "queue", "topic", "stream",
        };

        /// <summary>A first word that makes the name a predicate, an operation or a transformed value (<c>HasEmail</c>, <c>MaskedPhone</c>).</summary>
        private static readonly HashSet<string> LeadingExclusions = new HashSet<string>(StringComparer.Ordinal)
        {
            "is", "has", "have", "can", "should", "must", "allow", "allows", "enable", "enables", "disable", "show",
            "hide", "use", "require", "requires", "validate", "verify", "format", "parse", "normalize", "mask",
            "masked", "hash", "hashed", "redact", "redacted", "encrypt", "encrypted", "anonymize", "anonymized",
            "pseudonymize", "pseudonymized", "obfuscated", "tokenized", "num", "no", "max", "min",
        };

        /// <summary>Words that, before <c>of</c>, make the name about the identifier (<c>NumberOfPhones</c>, <c>IssuerOfPatientID</c>).</summary>
        private static readonly HashSet<string> OfHeads = new HashSet<string>(StringComparer.Ordinal)
        {
            "number", "num", "count", "total", "type", "kind", "format", "length", "issuer", "issuers", "validation",
            "pattern", "template",
        };

        /// <summary>Any of these words in the name makes an <c>address</c> a network or memory address (<c>RemoteIpAddress</c>).</summary>
        private static readonly HashSet<string> NetworkContext = new HashSet<string>(StringComparer.Ordinal)
        {
            // "IPv4Address" splits as i|pv|4|address, "Ipv6Address" as ipv|6|address.
            "ip", "ips", "ipv", "pv", "ipv4", "ipv6", "mac", "remote", "local", "localhost", "server", "listen", "listener",
            "listening", "bind", "binding", "host", "hostname", "base", "endpoint", "url", "uri", "socket", "port", "proxy",
            "gateway", "network", "net", "broadcast", "multicast", "unicast", "memory", "pointer", "ptr", "physical",
            "virtual", "hardware", "bluetooth", "ble", "wallet", "contract", "dns", "web", "http", "https", "tcp", "udp",
            "peer", "node", "device",
        };

        /// <summary>
        /// Splits an identifier into lower-case word tokens at camelCase and PascalCase boundaries (an acronym ends
        /// before its last capital when a lower-case letter follows: <c>SSNNumber</c> is <c>ssn</c>, <c>number</c>;
        /// a trailing plural <c>s</c> stays with it: <c>IDs</c> is <c>ids</c>), at digit runs and at any other
        /// character (<c>_</c>, <c>-</c>, <c>@</c>, <c>.</c>). Letters with diacritics are folded to ASCII
        /// (<c>fødselsnummer</c> is <c>fodselsnummer</c>) so the vocabulary matches either spelling.
        /// </summary>
        /// <param name="identifier">The identifier as written or as its symbol is named; <c>null</c> gives no words.</param>
        /// <returns>The word tokens in order; empty when the name has no letters or digits.</returns>
        public static IReadOnlyList<string> Words(string identifier) => Tokenize(identifier);

        /// <summary>The kind of personal identifier the name denotes, or <see cref="PersonalIdentifierKind.None"/>.</summary>
        /// <param name="identifier">A member, parameter, local, record component or property name; <c>null</c> is None.</param>
        /// <returns>
        /// The kind of the last vocabulary phrase in the name (the head of an English compound), unless the name is
        /// about the identifier rather than the identifier itself (<c>PhoneNumberType</c>, <c>HasEmail</c>).
        /// </returns>
        public static PersonalIdentifierKind Classify(string identifier)
        {
            var words = Tokenize(identifier);
            var count = words.Count;
            if (count == 0)
            {
                return PersonalIdentifierKind.None;
            }

            if (count > 1 && (LeadingExclusions.Contains(words[0]) || (words[1] == "of" && OfHeads.Contains(words[0]))))
            {
                return PersonalIdentifierKind.None;
            }

            var result = PersonalIdentifierKind.None;
            var resultEnd = -1;
            var networkChecked = false;
            var network = false;
            var start = 0;
            while (start < count)
            {
                var node = LongestMatch(words, start, out var end);
                if (node is null)
                {
                    start++;
                    continue;
                }

                var kind = node.Kind;
                if (node.NetworkVetoed)
                {
                    if (!networkChecked)
                    {
                        network = HasNetworkContext(words);
                        networkChecked = true;
                    }

                    if (network)
                    {
                        kind = PersonalIdentifierKind.None;
                    }
                }

                // The last phrase wins, blockers included: EmailServerAddress is a server's address, not an email.
                result = kind;
                resultEnd = end;
                start = end + 1;
            }

            // Any metadata or container word after the identifier makes the name about it or about where it is kept:
            // EmailTemplatePath is a template's path, PhoneNumberFile a file of numbers, not an email or a number.
            for (var i = resultEnd + 1; result != PersonalIdentifierKind.None && i < count; i++)
            {
                if (MetadataSuffixes.Contains(words[i]) || ContainerWords.Contains(words[i]))
                {
                    return PersonalIdentifierKind.None;
                }
            }

            return result;
        }

        /// <summary>Human wording of a kind for diagnostic messages.</summary>
        /// <param name="kind">The kind to describe.</param>
        /// <returns>For example "phone number"; "personal identifier" for <see cref="PersonalIdentifierKind.None"/> and unknown values.</returns>
        public static string Describe(PersonalIdentifierKind kind)
        {
            switch (kind)
            {
                case PersonalIdentifierKind.PhoneNumber:
                    return "phone number";
                case PersonalIdentifierKind.NationalId:
                    return "national identity number";
                case PersonalIdentifierKind.PatientId:
                    return "patient identifier";
                case PersonalIdentifierKind.Name:
                    return "person's name";
                case PersonalIdentifierKind.Email:
                    return "email address";
                case PersonalIdentifierKind.BirthDate:
                    return "date of birth";
                case PersonalIdentifierKind.Address:
                    return "postal address";
                case PersonalIdentifierKind.Passport:
                    return "passport number";
                case PersonalIdentifierKind.BankAccount:
                    return "bank account number";
                case PersonalIdentifierKind.PaymentCard:
                    return "payment card number";
                default:
                    // Messages must never fail on a value added later.
                    return "personal identifier";
            }
        }

        /// <summary>The terminal node of the longest phrase starting at <paramref name="start"/>, or null.</summary>
        private static Node? LongestMatch(List<string> words, int start, out int end)
        {
            Node? best = null;
            end = -1;
            var children = Root.Children;
            for (var i = start; i < words.Count && children is not null; i++)
            {
                if (!children.TryGetValue(words[i], out var node))
                {
                    break;
                }

                if (node.IsTerminal && (!node.WholeNameOnly || (start == 0 && i == words.Count - 1)))
                {
                    best = node;
                    end = i;
                }

                children = node.Children;
            }

            return best;
        }

        private static bool HasNetworkContext(List<string> words)
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (NetworkContext.Contains(words[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private enum CharClass
        {
            Separator,
            Lower,
            Upper,
            Digit,
        }

        private static List<string> Tokenize(string? identifier)
        {
            var words = new List<string>(4);
            if (identifier is null)
            {
                return words;
            }

            var length = identifier.Length;
            var start = -1;
            var previous = CharClass.Separator;
            for (var i = 0; i < length; i++)
            {
                var current = ClassOf(identifier[i]);
                if (current == CharClass.Separator)
                {
                    if (start >= 0)
                    {
                        AddWord(words, identifier, start, i);
                        start = -1;
                    }
                }
                else if (start < 0)
                {
                    start = i;
                }
                else if (IsBoundary(identifier, i, current, previous))
                {
                    AddWord(words, identifier, start, i);
                    start = i;
                }

                previous = current;
            }

            if (start >= 0)
            {
                AddWord(words, identifier, start, length);
            }

            return words;
        }

        private static bool IsBoundary(string identifier, int i, CharClass current, CharClass previous)
        {
            if (current == CharClass.Digit || previous == CharClass.Digit)
            {
                return current != previous;
            }

            if (current != CharClass.Upper)
            {
                return false;
            }

            if (previous == CharClass.Lower)
            {
                return true;
            }

            // Inside an acronym: the last capital starts the next word ("SSNNumber"), unless only a plural 's' follows ("IDs").
            var next = i + 1;
            if (next >= identifier.Length || ClassOf(identifier[next]) != CharClass.Lower)
            {
                return false;
            }

            var pluralOfAcronym = identifier[next] == 's' && (next + 1 == identifier.Length || ClassOf(identifier[next + 1]) != CharClass.Lower);
            return !pluralOfAcronym;
        }

        private static CharClass ClassOf(char c)
        {
            if (c < 128)
            {
                if (c >= 'a' && c <= 'z')
                {
                    return CharClass.Lower;
                }

                if (c >= 'A' && c <= 'Z')
                {
                    return CharClass.Upper;
                }

                return c >= '0' && c <= '9' ? CharClass.Digit : CharClass.Separator;
            }

            if (char.IsDigit(c))
            {
                return CharClass.Digit;
            }

            if (char.IsUpper(c))
            {
                return CharClass.Upper;
            }

            if (char.IsLetter(c))
            {
                return CharClass.Lower;
            }

            // Combining marks and formatting characters are part of a C# identifier's word; folding drops them.
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                case UnicodeCategory.Format:
                    return CharClass.Lower;
                default:
                    return CharClass.Separator;
            }
        }

        private static void AddWord(List<string> words, string identifier, int start, int end)
        {
            var ascii = true;
            var lower = true;
            for (var i = start; i < end; i++)
            {
                var c = identifier[i];
                if (c >= 128)
                {
                    ascii = false;
                    break;
                }

                if (c >= 'A' && c <= 'Z')
                {
                    lower = false;
                }
            }

            if (ascii)
            {
                if (lower)
                {
                    words.Add(identifier.Substring(start, end - start));
                    return;
                }

                var chars = new char[end - start];
                for (var i = start; i < end; i++)
                {
                    var c = identifier[i];
                    chars[i - start] = c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
                }

                words.Add(new string(chars));
                return;
            }

            var folded = new StringBuilder(end - start + 2);
            for (var i = start; i < end; i++)
            {
                AppendFolded(folded, identifier[i]);
            }

            if (folded.Length > 0)
            {
                words.Add(folded.ToString());
            }
        }

        /// <summary>Appends the lower-case ASCII form of a letter where one exists, so "fødselsnummer" meets "fodselsnummer".</summary>
        private static void AppendFolded(StringBuilder builder, char c)
        {
            if (c < 128)
            {
                builder.Append(c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c);
                return;
            }

            var lower = char.ToLowerInvariant(c);
            switch (lower)
            {
                // Letters that canonical decomposition leaves alone.
                case 'ß':
                    builder.Append("ss");
                    return;
                case 'æ':
                    builder.Append("ae");
                    return;
                case 'œ':
                    builder.Append("oe");
                    return;
                case 'þ':
                    builder.Append("th");
                    return;
                case 'ø':
                    builder.Append('o');
                    return;
                case 'ð':
                case 'đ':
                    builder.Append('d');
                    return;
                case 'ł':
                    builder.Append('l');
                    return;
                case 'ı':
                    builder.Append('i');
                    return;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(lower))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                case UnicodeCategory.Format:
                    return;
            }

            if (char.IsLetter(lower))
            {
                // é decomposes to e + U+0301; keep the base letter when it is ASCII (İ has no invariant lower case).
                var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
                if (decomposed.Length > 0 && decomposed[0] < 128)
                {
                    var letter = decomposed[0];
                    builder.Append(letter >= 'A' && letter <= 'Z' ? (char)(letter + ('a' - 'A')) : letter);
                    return;
                }
            }

            builder.Append(lower);
        }

        [Flags]
        private enum PhraseFlags
        {
            None = 0,

            /// <summary>Matches only as the whole name: "Ani", "Zip", "Cpr" alone, never inside "ZipFile".</summary>
            WholeName = 1,

            /// <summary>An "address" word that names a network or memory address beside a network word.</summary>
            NetworkVetoed = 2,
        }

        private sealed class Node
        {
            public Dictionary<string, Node>? Children;

            public bool IsTerminal;

            public bool WholeNameOnly;

            public bool NetworkVetoed;

            /// <summary>None on a terminal node marks a blocker phrase (<c>address family</c>, <c>phone book</c>).</summary>
            public PersonalIdentifierKind Kind;
        }

        private readonly struct Phrase
        {
            public Phrase(string text, PersonalIdentifierKind kind, PhraseFlags flags)
            {
                Text = text;
                Kind = kind;
                Flags = flags;
            }

            public string Text { get; }

            public PersonalIdentifierKind Kind { get; }

            public PhraseFlags Flags { get; }
        }

        private static Node BuildVocabulary()
        {
            var phrases = new List<Phrase>(512);

            Add(phrases, PersonalIdentifierKind.PhoneNumber, PhraseFlags.None,
                "phone", "telephone", "phonenumber", "telephonenumber",
                "tel number", "tel no", "tel nr", "telno", "telnr", "telnumber",
                "mobile number", "mobile no", "mobile nr", "mobile phone", "mobilenumber", "mobileno", "mobilephone",
                "cell number", "cell no", "cell nr", "cell phone", "cellnumber", "cellphone",
                "fax number", "fax no", "fax nr", "faxnumber",
                "caller id", "callerid", "caller number", "callernumber", "caller ani",
                "ani number", "ani no", "ani nr", "msisdn",
                "telefon", "telefonnummer", "telefonnr", "telefoonnummer", "telefono", "telefone", "puhelin",
                "puhelinnumero", "mobilnummer", "handynummer", "mobiltelefon");
            Add(phrases, PersonalIdentifierKind.PhoneNumber, PhraseFlags.WholeName, "ani");

            Add(phrases, PersonalIdentifierKind.NationalId, PhraseFlags.None,
                "ssn", "social security number", "social security no", "social security nr", "socialsecuritynumber",
                "personnummer", "personnr", "samordningsnummer", "personal identity number",
                "national id", "nationalid", "national identity", "national identifier", "national number",
                "national insurance number", "national insurance no",
                "numero securite sociale", "numero de securite sociale",
                "nhs number", "nhs no", "nhs nr", "nhsnumber",
                "bsn", "burgerservicenummer", "pesel", "fodselsnummer", "fodselsnr", "henkilotunnus", "hetu",
                "cpr number", "cpr nr", "cpr no", "cpr nummer", "cprnummer", "cprnr",
                "ahv number", "ahv nr", "ahv no", "ahv nummer", "ahvnummer", "ahvnr",
                "nir number", "nir no", "nir nr",
                "tax id", "taxid", "taxpayer id", "taxpayerid", "tax identifier", "tax identification number",
                "taxpayer identification number",
                "sin number", "sin no", "sin nr", "aadhaar", "aadhar",
                "id card", "identity card", "codice fiscale", "codicefiscale");
            Add(phrases, PersonalIdentifierKind.NationalId, PhraseFlags.WholeName, "cpr", "ahv", "nir");

            Add(phrases, PersonalIdentifierKind.PatientId, PhraseFlags.None,
                "patient id", "patientid", "patient identifier", "patientidentifier", "patient number", "patient no",
                "patient nr", "patientnumber", "mrn", "medical record number", "medical record no", "medical record nr",
                "medical record id", "medicalrecordnumber");

            Add(phrases, PersonalIdentifierKind.Name, PhraseFlags.None,
                "first name", "firstname", "last name", "lastname", "surname", "full name", "fullname",
                "given name", "givenname", "family name", "familyname", "middle name", "middlename",
                "maiden name", "maidenname", "birth name", "forename", "patient name", "patientname",
                "caller name", "callername", "person name", "cardholder name", "card holder name",
                "account holder name",
                "fornamn", "efternamn", "vorname", "nachname", "prenom", "nom de famille", "voornaam", "achternaam",
                "etunimi", "sukunimi", "fornavn", "etternavn", "efternavn", "apellido", "cognome");

            Add(phrases, PersonalIdentifierKind.Email, PhraseFlags.None,
                "email", "e mail", "emailaddress", "mailaddress", "epost", "e post", "courriel", "sahkoposti",
                "mailadresse", "mailadress", "epostadress", "epostadresse");
            foreach (var mail in new[] { "email", "e mail", "mail", "epost", "e post", "smtp" })
            {
                // So EmailAddress ends on an email phrase rather than on "address".
                foreach (var address in new[] { "address", "adresse", "adress", "adres" })
                {
                    Add(phrases, PersonalIdentifierKind.Email, PhraseFlags.None, mail + " " + address);
                }
            }

            Add(phrases, PersonalIdentifierKind.BirthDate, PhraseFlags.None,
                "date of birth", "dateofbirth", "birth date", "birthdate", "birth day", "birthday", "dob",
                "birth time", "date de naissance", "fecha de nacimiento", "data di nascita", "geburtsdatum",
                "geboortedatum", "fodelsedatum", "fodselsdato", "syntymaaika");

            Add(phrases, PersonalIdentifierKind.Address, PhraseFlags.NetworkVetoed,
                "address", "adresse", "adress", "adres", "anschrift", "direccion", "indirizzo", "osoite", "postadress",
                "postadresse");
            Add(phrases, PersonalIdentifierKind.Address, PhraseFlags.None,
                "post code", "postcode", "postal code", "postalcode", "zip code", "zipcode", "postnummer",
                "postleitzahl", "postinumero", "code postal", "codigo postal");
            Add(phrases, PersonalIdentifierKind.Address, PhraseFlags.WholeName, "zip");

            Add(phrases, PersonalIdentifierKind.Passport, PhraseFlags.None, "passport", "passnummer", "reisepassnummer");

            Add(phrases, PersonalIdentifierKind.BankAccount, PhraseFlags.None,
                "iban", "bank account", "bankaccount", "bankaccountnumber");

            Add(phrases, PersonalIdentifierKind.PaymentCard, PhraseFlags.None,
                "credit card", "creditcard", "creditcardnumber", "debit card", "debitcard", "payment card",
                "card number", "cardnumber", "card no", "card nr", "pan number", "pan no", "card pan",
                "primary account number");

            // Blockers: longer phrases that are not personal identifiers although they contain a term.
            Add(phrases, PersonalIdentifierKind.None, PhraseFlags.None,
                "address family", "address space", "address book", "address bar", "address range", "address mode",
                "address width", "address bits", "phone book", "phone call", "phone model", "i phone", "smart phone");

            var root = new Node();
            foreach (var phrase in phrases)
            {
                Insert(root, phrase.Text, phrase, overwrite: true);
            }

            // Plurals of the last word ("PhoneNumbers" is still phone numbers) never replace an explicit phrase.
            foreach (var phrase in phrases)
            {
                Insert(root, Pluralize(phrase.Text), phrase, overwrite: false);
            }

            return root;
        }

        private static void Add(List<Phrase> phrases, PersonalIdentifierKind kind, PhraseFlags flags, params string[] texts)
        {
            foreach (var text in texts)
            {
                phrases.Add(new Phrase(text, kind, flags));
            }
        }

        private static void Insert(Node root, string text, Phrase phrase, bool overwrite)
        {
            var node = root;
            foreach (var word in text.Split(' '))
            {
                node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (!node.Children.TryGetValue(word, out var child))
                {
                    child = new Node();
                    node.Children.Add(word, child);
                }

                node = child;
            }

            if (node.IsTerminal && !overwrite)
            {
                return;
            }

            node.IsTerminal = true;
            node.Kind = phrase.Kind;
            node.WholeNameOnly = (phrase.Flags & PhraseFlags.WholeName) != 0;
            node.NetworkVetoed = (phrase.Flags & PhraseFlags.NetworkVetoed) != 0;
        }

        private static string Pluralize(string text)
        {
            if (text.EndsWith("s", StringComparison.Ordinal) || text.EndsWith("x", StringComparison.Ordinal)
                || text.EndsWith("z", StringComparison.Ordinal) || text.EndsWith("ch", StringComparison.Ordinal)
                || text.EndsWith("sh", StringComparison.Ordinal))
            {
                return text + "es";
            }

            if (text.Length > 1 && text[text.Length - 1] == 'y' && "aeiou".IndexOf(text[text.Length - 2]) < 0)
            {
                return text.Substring(0, text.Length - 1) + "ies";
            }

            return text + "s";
        }
    }
}
