plugins { kotlin("multiplatform") }
