class OkioTest
