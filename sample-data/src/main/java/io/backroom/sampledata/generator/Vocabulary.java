package io.backroom.sampledata.generator;

import java.util.List;

/** Fixed word lists the generator draws names from. Order matters for reproducibility: append only. */
final class Vocabulary {
    static final List<String> REGION_NAMES = List.of("North", "South", "East", "West", "Central");

    static final List<List<String>> REGION_CITIES = List.of(
            List.of("Groningen", "Leeuwarden", "Assen", "Zwolle", "Emmen", "Heerenveen", "Sneek", "Drachten",
                    "Meppel", "Hoogeveen", "Kampen", "Harlingen"),
            List.of("Maastricht", "Eindhoven", "Venlo", "Roermond", "Tilburg", "Breda", "Helmond", "Heerlen",
                    "Sittard", "Weert", "Oss", "Bergen op Zoom"),
            List.of("Enschede", "Arnhem", "Nijmegen", "Apeldoorn", "Deventer", "Hengelo", "Doetinchem", "Ede",
                    "Zutphen", "Almelo", "Winterswijk", "Tiel"),
            List.of("Rotterdam", "Den Haag", "Leiden", "Delft", "Dordrecht", "Middelburg", "Vlissingen",
                    "Gouda", "Schiedam", "Zoetermeer", "Goes", "Spijkenisse"),
            List.of("Utrecht", "Amsterdam", "Amersfoort", "Hilversum", "Haarlem", "Almere", "Zaandam",
                    "Alkmaar", "Lelystad", "Nieuwegein", "Zeist", "Purmerend"));

    static final List<String> FIRST_NAMES = List.of("Anna", "Bram", "Chloé", "Daan", "Emma", "Finn", "Gwen",
            "Hugo", "Iris", "Jesse", "Kim", "Lars", "Mila", "Noah", "Olivia", "Pim", "Quinn", "Rosa", "Sem",
            "Tess", "Umar", "Vera", "Wout", "Xena", "Yara", "Zoë", "Ahmed", "Fatima", "Lucas", "Sara", "Mohamed",
            "Julia", "Thomas", "Eva", "Ruben", "Lotte", "Milan", "Sophie", "Luuk", "Noor", "Jan", "Maria",
            "Pieter", "Ilse", "Koen", "Femke", "Bas", "Lieke", "Joris", "Anouk");

    static final List<String> LAST_NAMES = List.of("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer",
            "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
            "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "Haan",
            "Vermeulen", "van den Berg", "van Dijk", "Schouten", "Willems", "Hoekstra", "Yilmaz", "El Amrani",
            "Kaya", "Martin", "Dubois", "Schmidt", "Müller", "García", "López", "Murphy");

    /** Item categories with the nouns and descriptors used to name items; cost range in EUR. */
    record Category(String name, List<String> nouns, List<String> descriptors, double minCost, double maxCost,
            String unit, double popularity) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("Grocery", List.of("Pasta", "Rice", "Flour", "Cereal", "Oats", "Lentils", "Tomato Sauce",
                    "Olive Oil", "Coffee Beans", "Tea", "Honey", "Peanut Butter", "Crackers", "Soup"),
                    List.of("Organic", "Wholegrain", "Classic", "Family Pack", "Italian", "Fairtrade", "Value",
                            "Premium", "Light", "Spiced"), 0.4, 9.0, "EA", 9),
            new Category("Beverages", List.of("Sparkling Water", "Orange Juice", "Cola", "Lemonade", "Iced Tea",
                    "Apple Juice", "Energy Drink", "Mineral Water", "Tonic", "Smoothie"),
                    List.of("Zero", "Original", "1.5L", "6-Pack", "Mango", "Berry", "Lime", "Ginger"), 0.3, 7.0,
                    "EA", 8),
            new Category("Dairy & Chilled", List.of("Milk", "Yoghurt", "Butter", "Cheese", "Cream", "Quark",
                    "Custard", "Hummus", "Fresh Pasta"), List.of("Semi-Skimmed", "Greek", "Aged", "Young",
                    "Organic", "Lactose-Free", "Farmhouse"), 0.4, 8.0, "EA", 8),
            new Category("Frozen", List.of("Pizza", "Peas", "Fries", "Ice Cream", "Fish Fingers", "Spinach",
                    "Berries", "Lasagne"), List.of("Stone-Baked", "Garden", "Crinkle", "Vanilla", "Family",
                    "Four Cheese"), 0.8, 9.0, "EA", 5),
            new Category("Fresh Produce", List.of("Apples", "Bananas", "Tomatoes", "Potatoes", "Carrots", "Onions",
                    "Lettuce", "Grapes", "Avocados", "Peppers"), List.of("Loose", "1kg Bag", "Vine", "Baby",
                    "Red", "Seedless", "Ripe"), 0.3, 5.0, "KG", 7),
            new Category("Bakery", List.of("Sourdough", "Baguette", "Croissants", "Rye Bread", "Muffins", "Bagels",
                    "Brioche", "Wraps"), List.of("Multigrain", "Butter", "Sliced", "4-Pack", "Seeded"), 0.4, 5.0,
                    "EA", 5),
            new Category("Household", List.of("Dish Soap", "Laundry Detergent", "Bleach", "Sponges", "Bin Bags",
                    "Kitchen Roll", "Toilet Paper", "Glass Cleaner", "Fabric Softener"), List.of("Lemon",
                    "Eco", "Mega Pack", "Sensitive", "Fresh", "Ultra"), 0.8, 14.0, "EA", 6),
            new Category("Personal Care", List.of("Shampoo", "Toothpaste", "Deodorant", "Shower Gel", "Razor",
                    "Hand Cream", "Sunscreen", "Conditioner", "Lip Balm"), List.of("Men", "Sensitive",
                    "Argan", "Whitening", "SPF30", "Travel", "Cocoa"), 0.9, 22.0, "EA", 5),
            new Category("Health", List.of("Paracetamol", "Vitamin C", "Plasters", "Cough Syrup", "Multivitamin",
                    "Allergy Tablets", "Thermometer", "Antiseptic"), List.of("500mg", "Kids", "Effervescent",
                    "Extra", "30-Pack"), 1.0, 25.0, "EA", 3),
            new Category("Baby", List.of("Nappies", "Baby Wipes", "Infant Formula", "Baby Food", "Bottle",
                    "Teether"), List.of("Size 3", "Size 4", "Sensitive", "Stage 2", "Organic"), 1.5, 30.0, "EA",
                    3),
            new Category("Pet", List.of("Dog Food", "Cat Litter", "Cat Food", "Dog Treats", "Bird Seed",
                    "Chew Toy"), List.of("Adult", "Puppy", "Grain-Free", "Clumping", "Salmon", "Chicken"), 1.0,
                    35.0, "EA", 3),
            new Category("Home & Kitchen", List.of("Frying Pan", "Storage Box", "Mug", "Towel", "Candle", "Cutlery Set",
                    "Cushion", "Lamp", "Vase", "Knife Block"), List.of("Ceramic", "Non-Stick", "Cotton",
                    "Scented", "Stainless", "Nordic", "XL"), 2.0, 60.0, "EA", 3),
            new Category("Electronics", List.of("Headphones", "Charger", "USB Cable", "Batteries", "Power Bank",
                    "Smart Plug", "Bluetooth Speaker", "LED Bulb", "Phone Case"), List.of("Wireless", "Fast",
                    "AA 8-Pack", "10000mAh", "Mini", "Pro", "E27"), 2.0, 90.0, "EA", 3),
            new Category("Toys & Stationery", List.of("Notebook", "Pens", "Puzzle", "Building Blocks", "Crayons",
                    "Board Game", "Plush Bear", "Glue Stick", "Backpack"), List.of("A4", "Gel", "1000-Piece",
                    "Classic", "Jumbo", "Family"), 0.8, 40.0, "EA", 3));

    /** Countries suppliers come from: code, language, currency, VAT rate, weight. */
    record Country(String code, String language, String currency, double vatRate, double weight,
            List<String> nameStems, List<String> legalForms, List<String> cities) {
    }

    static final List<Country> COUNTRIES = List.of(
            new Country("GB", "en", "GBP", 20.0, 14, List.of("Thornbury", "Kingsgate", "Ashford", "Highfield",
                    "Redbridge", "Whitmore", "Castleton", "Bramley", "Oakridge", "Westbrook"),
                    List.of("Ltd", "Limited", "plc", "& Sons Ltd"), List.of("Manchester", "Leeds", "Bristol",
                    "Birmingham", "Sheffield")),
            new Country("IE", "en", "EUR", 23.0, 5, List.of("Shannon", "Liffey", "Corrib", "Wicklow",
                    "Claddagh"), List.of("Ltd", "DAC", "Teoranta"), List.of("Dublin", "Cork", "Galway")),
            new Country("US", "en", "USD", 0.0, 5, List.of("Lakeshore", "Summit", "Pioneer", "Blue Ridge",
                    "Golden Gate", "Keystone"), List.of("Inc.", "LLC", "Corp."), List.of("Chicago", "Newark",
                    "Atlanta", "Columbus")),
            new Country("FR", "fr", "EUR", 20.0, 14, List.of("Beaulieu", "Montclair", "Rivière", "Belleville",
                    "Chantal", "Vallée d'Or", "Lumière", "Provence"), List.of("SAS", "SARL", "SA"),
                    List.of("Lyon", "Lille", "Toulouse", "Nantes", "Bordeaux")),
            new Country("BE", "fr", "EUR", 21.0, 4, List.of("Ardenne", "Meuse", "Sambre", "Brabant"),
                    List.of("SRL", "SA"), List.of("Liège", "Namur", "Charleroi")),
            new Country("DE", "de", "EUR", 19.0, 16, List.of("Rheinland", "Schwarzwald", "Elbtal", "Bergmann",
                    "Hansen", "Lindenhof", "Weserland", "Sonnenfeld"), List.of("GmbH", "AG", "GmbH & Co. KG"),
                    List.of("Köln", "Hamburg", "Düsseldorf", "Bremen", "Münster")),
            new Country("AT", "de", "EUR", 20.0, 3, List.of("Alpenhof", "Donau", "Tirolia"), List.of("GmbH"),
                    List.of("Wien", "Graz", "Linz")),
            new Country("NL", "nl", "EUR", 21.0, 22, List.of("Polderland", "Van Houten", "De Molen", "Zeeland",
                    "Tulpenhof", "Dijkzicht", "Hollandia", "Groenweide", "Kaasboer", "Duinrand"),
                    List.of("B.V.", "N.V.", "B.V."), List.of("Rotterdam", "Venlo", "Utrecht", "Zwolle",
                    "Eindhoven")),
            new Country("ES", "es", "EUR", 21.0, 12, List.of("Sol de Levante", "Olivar", "Costa Brava",
                    "Sierra Nevada", "Valle Verde", "Mediterránea"), List.of("S.L.", "S.A.", "S.L.U."),
                    List.of("Valencia", "Madrid", "Barcelona", "Sevilla", "Zaragoza")));

    static final List<String> SUPPLIER_TRADES = List.of("Foods", "Trading", "Distribution", "Wholesale",
            "Brands", "Supply", "Imports", "Goods", "Products", "Logistics");

    /** Non-PO expense categories: name, GL account, typical net amount range, invoices per store per month. */
    record ExpenseCategory(String name, String glAccount, List<String> descriptions, double minNet,
            double maxNet, double perStorePerMonth) {
    }

    static final List<ExpenseCategory> EXPENSES = List.of(
            new ExpenseCategory("UTILITIES", "6100", List.of("Electricity", "Gas", "Water and sewerage"), 350,
                    6500, 2.0),
            new ExpenseCategory("MAINTENANCE", "6200", List.of("Refrigeration repair", "HVAC service",
                    "Door and shutter repair", "Lighting maintenance", "Roof repair"), 90, 4800, 0.8),
            new ExpenseCategory("CLEANING", "6300", List.of("Monthly cleaning contract", "Window cleaning",
                    "Deep clean after refit"), 180, 2600, 1.0),
            new ExpenseCategory("SECURITY", "6400", List.of("Guarding services", "Alarm monitoring",
                    "CCTV maintenance", "Cash collection"), 120, 3900, 1.0),
            new ExpenseCategory("MARKETING", "6500", List.of("Leaflet printing", "Local radio campaign",
                    "In-store signage", "Social media campaign"), 200, 9000, 0.3),
            new ExpenseCategory("IT", "6600", List.of("POS support contract", "Network line", "Printer lease",
                    "Handheld scanner repair"), 60, 2400, 0.6),
            new ExpenseCategory("FREIGHT", "6700", List.of("Store transfer haulage", "Parcel services",
                    "Pallet collection"), 80, 2200, 0.5),
            new ExpenseCategory("WASTE", "6800", List.of("Waste collection", "Cardboard baling", "Food waste"),
                    70, 900, 1.0));

    static final List<String> SERVICE_STEMS = List.of("Volta", "Aqua", "Klaar", "Sentinel", "Proxima",
            "Helder", "Netwerk", "Fix-it", "Vonk", "Groen", "Blauw", "Stads", "Delta", "Rapid", "Orion");

    private Vocabulary() {
    }
}
