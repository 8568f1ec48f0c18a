package io.backroom.sampledata.pdf;

import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.model.Supplier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Address blocks printed on documents: the supplier, the retailer's accounts payable, the delivery store. */
final class Parties {
    static final String RETAILER = "Backroom Retail B.V.";

    private Parties() {
    }

    static List<String> supplierLines(Supplier s) {
        List<String> lines = new ArrayList<>();
        lines.add(s.street());
        lines.add("GB".equals(s.country()) || "US".equals(s.country()) || "IE".equals(s.country())
                ? s.city() + " " + s.postalCode() : s.postalCode() + " " + s.city());
        lines.add(countryName(s.country(), s.language()));
        return lines;
    }

    static List<String> billTo(String language) {
        return List.of(RETAILER, switch (language) {
            case "fr" -> "Service comptabilité fournisseurs";
            case "de" -> "Kreditorenbuchhaltung";
            case "nl" -> "Crediteurenadministratie";
            case "es" -> "Departamento de cuentas a pagar";
            default -> "Accounts Payable";
        }, "Postbus 1200", "3500 BC Utrecht", countryName("NL", language));
    }

    static List<String> shipTo(Store store, String language) {
        if (store == null) {
            return List.of(RETAILER);
        }
        String word = switch (language) {
            case "fr" -> "Magasin";
            case "de" -> "Filiale";
            case "nl" -> "Filiaal";
            case "es" -> "Tienda";
            default -> "Store";
        };
        return List.of(RETAILER, word + " " + store.id() + " " + store.name(), store.city(),
                countryName("NL", language));
    }

    static String customerNumber(Supplier s) {
        return String.format(Locale.ROOT, "%06d", Math.floorMod(s.id().hashCode() * 31 + 17, 1_000_000));
    }

    private static final List<String> CODES = List.of("GB", "IE", "US", "FR", "BE", "DE", "AT", "NL", "ES");
    private static final Map<String, List<String>> NAMES = Map.of(
            "en", List.of("United Kingdom", "Ireland", "United States", "France", "Belgium", "Germany", "Austria",
                    "The Netherlands", "Spain"),
            "fr", List.of("Royaume-Uni", "Irlande", "États-Unis", "France", "Belgique", "Allemagne", "Autriche",
                    "Pays-Bas", "Espagne"),
            "de", List.of("Vereinigtes Königreich", "Irland", "USA", "Frankreich", "Belgien", "Deutschland",
                    "Österreich", "Niederlande", "Spanien"),
            "nl", List.of("Verenigd Koninkrijk", "Ierland", "Verenigde Staten", "Frankrijk", "België", "Duitsland",
                    "Oostenrijk", "Nederland", "Spanje"),
            "es", List.of("Reino Unido", "Irlanda", "Estados Unidos", "Francia", "Bélgica", "Alemania", "Austria",
                    "Países Bajos", "España"));

    /** The country's name in {@code language} (fixed table: output must not depend on the JDK's locale data). */
    static String countryName(String code, String language) {
        int i = CODES.indexOf(code);
        List<String> names = NAMES.getOrDefault(language, NAMES.get("en"));
        return i < 0 ? code : names.get(i);
    }
}
